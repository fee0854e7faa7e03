package org.gridcommand.address;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Finds standard addresses from what a caller says and an officer types: the characters of any part in any order
 * ("金鼎路 28号", "金湾花园3栋"), pinyin initials ("jdl 28"), partial house numbers ("金鼎路 2" lists 2, 20-29 …,
 * 200 … after an exact 2), full-width digits from a Chinese input method, spaces or none. Every word typed must be
 * found in an address for it to be listed, except a run of Chinese characters, which may be found in part (a caller
 * who says 金湾苑 for 金湾花园), so a misheard name still lists the right place, lower.
 *
 * <p>An index of a few thousand entries (a town's register) is searched in full on each keystroke, in about a
 * millisecond: no index beyond each address's normalised text, its pinyin initials and its numbers.
 */
public final class AddressSearch {
    /** Below this share of the typed words found, an address is not listed. */
    static final double MIN_COVERAGE = 0.5;

    private final List<Entry> entries;

    private record Entry(StandardAddress address, String text, String[] initials, Set<String> numbers) {
    }

    /** A word of the query: a run of Chinese characters, of Latin letters, or of digits. */
    private record Word(String text, WordKind kind) {
    }

    private enum WordKind { HAN, LETTERS, DIGITS }

    public AddressSearch(List<StandardAddress> register) {
        Objects.requireNonNull(register, "register");
        List<Entry> built = new ArrayList<>(register.size());
        for (StandardAddress a : register) {
            String text = normalise(a.name());
            built.add(new Entry(a, text, PinyinInitials.of(text), numbersIn(text)));
        }
        this.entries = List.copyOf(built);
    }

    public int size() {
        return entries.size();
    }

    /** The best matches for the text, best first (ties: the shorter address, then the code), at most {@code limit}. */
    public List<AddressMatch> search(String query, int limit) {
        List<Word> words = words(normalise(query == null ? "" : query));
        if (words.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<AddressMatch> found = new ArrayList<>();
        for (Entry e : entries) {
            double score = score(e, words);
            if (score > 0) {
                found.add(new AddressMatch(e.address(), score));
            }
        }
        found.sort(Comparator.comparingDouble(AddressMatch::score).reversed()
                .thenComparingInt(m -> m.address().name().length())
                .thenComparing(m -> m.address().code()));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : List.copyOf(found);
    }

    /** Coverage of the typed words (0-1), times how much of the address they account for; 0 when not listed. */
    private static double score(Entry e, List<Word> words) {
        double wanted = 0;
        double got = 0;
        int explained = 0;
        for (Word w : words) {
            double weight = w.kind() == WordKind.DIGITS ? 2 : w.text().length();
            wanted += weight;
            double share = switch (w.kind()) {
                case HAN -> hanShare(e.text(), w.text());
                case LETTERS -> e.text().contains(w.text()) || PinyinInitials.contains(e.initials(), w.text()) ? 1 : 0;
                case DIGITS -> digitShare(e.numbers(), w.text());
            };
            if (share == 0 && w.kind() != WordKind.HAN) {
                return 0; // a number or initials typed must be there: 28 never lists 31
            }
            got += weight * share;
            explained += (int) Math.round(share * w.text().length());
        }
        double coverage = got / wanted;
        if (coverage < MIN_COVERAGE) {
            return 0;
        }
        // Of two addresses that hold every word, the one with least beside them is what was meant: the house, not
        // the units inside it. Its weight is small, so a word found whole always beats one found in part.
        double specific = Math.min(1.0, explained / (double) Math.max(1, e.text().length()));
        return coverage * (0.85 + 0.15 * specific);
    }

    /** The whole run found: 1; else the share of its characters found in order (a misheard name), at most 0.8. */
    private static double hanShare(String text, String run) {
        if (text.contains(run)) {
            return 1;
        }
        int at = 0;
        int found = 0;
        for (int i = 0; i < run.length(); i++) {
            int next = text.indexOf(run.charAt(i), at);
            if (next >= 0) {
                found++;
                at = next + 1;
            }
        }
        return found < 2 ? 0 : 0.8 * found / run.length();
    }

    /** An exact number: 1; a number it begins ("2" of 28, a caller unsure of the rest): 0.6; else 0. */
    private static double digitShare(Set<String> numbers, String digits) {
        if (numbers.contains(digits)) {
            return 1;
        }
        for (String n : numbers) {
            if (n.startsWith(digits)) {
                return 0.6;
            }
        }
        return 0;
    }

    private static List<Word> words(String q) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            WordKind kind = kindOf(c);
            if (kind == null) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < q.length() && kindOf(q.charAt(j)) == kind) {
                j++;
            }
            String text = q.substring(i, j);
            // 号, 栋 and 单元 say what the number before them is; alone they would match every address.
            String stripped = kind == WordKind.HAN ? text.replaceAll("^(号|栋|幢|座|单元)+|(号|栋|幢|座|单元)+$", "") : text;
            if (!stripped.isEmpty()) {
                words.add(new Word(stripped, kind));
            }
            i = j;
        }
        return words;
    }

    private static WordKind kindOf(char c) {
        if (c >= '0' && c <= '9') {
            return WordKind.DIGITS;
        }
        if (c >= 'a' && c <= 'z') {
            return WordKind.LETTERS;
        }
        if (Character.isLetter(c)) {
            return WordKind.HAN;
        }
        return null;
    }

    private static Set<String> numbersIn(String text) {
        Set<String> numbers = new HashSet<>();
        int i = 0;
        while (i < text.length()) {
            if (Character.isDigit(text.charAt(i))) {
                int j = i;
                while (j < text.length() && Character.isDigit(text.charAt(j))) {
                    j++;
                }
                numbers.add(text.substring(i, j));
                i = j;
            } else {
                i++;
            }
        }
        return numbers;
    }

    /** Full-width characters as ASCII, lower case, no spaces. */
    static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }
}
