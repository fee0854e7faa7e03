package org.gridcommand.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.gridcommand.common.CsvCells;

/**
 * A table of text cells printed two ways: aligned columns for the terminal (Chinese characters count two
 * columns wide, as terminals draw them) and CSV for spreadsheets (RFC 4180 quoting, CRLF line ends, UTF-8
 * with a byte-order mark so Excel reads the Chinese text as UTF-8, formulas in text cells neutralised).
 */
final class TextTable {
    static final String BOM = "\uFEFF";

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    /** A header ending in ">" marks a right-aligned (numeric) column; the marker is not printed. */
    TextTable(List<String> headers) {
        this.rightAligned = new boolean[headers.size()];
        List<String> clean = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String h = headers.get(i);
            rightAligned[i] = h.endsWith(">");
            clean.add(rightAligned[i] ? h.substring(0, h.length() - 1) : h);
        }
        this.headers = List.copyOf(clean);
    }

    void add(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("a row has " + cells.size() + " cells for " + headers.size() + " columns");
        }
        rows.add(cells.stream().map(c -> c == null ? "" : c).toList());
    }

    int size() {
        return rows.size();
    }

    String toText() {
        int[] width = new int[headers.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = displayWidth(headers.get(i));
        }
        for (List<String> r : rows) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], displayWidth(r.get(i)));
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, width);
        for (List<String> r : rows) {
            line(out, r, width);
        }
        return out.toString();
    }

    private void line(StringBuilder out, List<String> cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            String pad = " ".repeat(width[i] - displayWidth(c));
            if (i > 0) {
                l.append("  ");
            }
            l.append(rightAligned[i] ? pad + c : c + pad);
        }
        out.append(l.toString().stripTrailing()).append(System.lineSeparator());
    }

    /**
     * CSV text with the byte-order mark and a header row. Cells of right-aligned columns are figures and stay
     * numbers; every other cell is text, neutralised against spreadsheet formulas ({@link CsvCells}).
     */
    String toCsv() {
        StringBuilder out = new StringBuilder(BOM);
        out.append(headers.stream().map(CsvCells::text).collect(Collectors.joining(","))).append(CsvCells.LINE_END);
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(rightAligned[i] ? CsvCells.figure(r.get(i)) : CsvCells.text(r.get(i)));
            }
            out.append(CsvCells.LINE_END);
        }
        return out.toString();
    }

    /** Columns a terminal uses for the text: East Asian wide and full-width characters take two. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
