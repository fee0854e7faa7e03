package org.gridcommand.common;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A data file from outside (a grid file, a camera registry) as text, read the same way for every kind: decoded as
 * UTF-8, or as GB18030 when it is not UTF-8 (what Excel writes on a Chinese Windows), a byte-order mark dropped;
 * its format told by its name, else by its first character; CSV records with the line each starts on
 * ({@link CsvText}); JSON with its parse errors as one sentence naming line and column. What makes the whole file
 * unreadable is an {@link Unreadable} carrying that sentence, never a stack trace. Text quoted from the file in a
 * message goes through {@link #printable} first, so a report line stays one line.
 */
public final class InputText {
    /** How the content is written. */
    public enum Format { CSV, JSON }

    /** The file as a whole cannot be read as its format; the message is the sentence for the report. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * A CSV file: its header (names trimmed and lower-cased, for looking columns up) and the records after it,
     * blank ones left out.
     */
    public record Csv(CsvText.Row header, List<String> names, List<CsvText.Row> rows, char delimiter) {
        public Csv {
            names = List.copyOf(names);
            rows = List.copyOf(rows);
        }

        /** The index of the first of {@code candidates} (lower case) the header has, or -1. */
        public int column(String... candidates) {
            for (String candidate : candidates) {
                int i = names.indexOf(candidate);
                if (i >= 0) {
                    return i;
                }
            }
            return -1;
        }

        /** The header as written, for a message that lists it. */
        public String writtenHeader() {
            return printable(String.join(", ", header.fields().stream().map(String::strip).toList()));
        }
    }

    /** NaN is not JSON, but GIS exports write it; reading it lets the bad value be named instead of the file. */
    private static final JsonMapper STREAM = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    /** The same, reading a whole document: content after it is an error of the file. */
    private static final JsonMapper DOCUMENT = STREAM.rebuild()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Charset GB18030 = Charset.forName("GB18030");
    /** Quoted text longer than this is cut: a binary file's "value" would bury the report. */
    private static final int MAX_QUOTED = 120;

    private final String source;
    private final String text;
    private final Format format;

    private InputText(String source, String text, Format format) {
        this.source = source;
        this.text = text;
        this.format = format;
    }

    /**
     * Decodes file content.
     *
     * @param source the file's name: {@code .csv}, {@code .tsv} and {@code .txt} are CSV, {@code .json} and
     *               {@code .geojson} are JSON; any other name is JSON when the text starts with '{' or '['
     */
    public static InputText decode(byte[] content, String source) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(source, "source");
        String text = decode(content);
        return new InputText(source, text, formatOf(source, text));
    }

    /** The file's name, for messages. */
    public String source() {
        return source;
    }

    public String text() {
        return text;
    }

    public Format format() {
        return format;
    }

    /** The records of a CSV file, the first its header. */
    public Csv csv() throws Unreadable {
        CsvText csv = new CsvText(text);
        List<CsvText.Row> records;
        try {
            records = csv.rows();
        } catch (CsvText.Unclosed e) {
            throw new Unreadable("not a readable CSV: " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw new Unreadable("the file is empty");
        }
        CsvText.Row header = records.get(0);
        List<String> names = header.fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        List<CsvText.Row> rows = records.subList(1, records.size()).stream()
                .filter(r -> !r.fields().stream().allMatch(String::isBlank))
                .toList();
        return new Csv(header, names, rows, csv.delimiter());
    }

    /** The whole JSON document. */
    public JsonNode json() throws Unreadable {
        JsonNode root;
        try {
            root = DOCUMENT.readTree(text);
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (IOException e) {
            throw new Unreadable("not valid JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new Unreadable("the file is empty");
        }
        return root;
    }

    /** A parser over the JSON text, for a reader that needs each value's line; its errors go to {@link #notJson}. */
    public JsonParser jsonParser() throws IOException {
        return STREAM.createParser(text);
    }

    /** The value at the parser's place, as a tree; the parser moves past it. */
    public static JsonNode treeAt(JsonParser parser) throws IOException {
        return STREAM.readTree(parser);
    }

    /** A JSON parse error as the sentence of an unreadable file: where, then what, without Jackson's source dump. */
    public static Unreadable notJson(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at != null && at.getLineNr() > 0
                ? " at line " + at.getLineNr() + ", column " + at.getColumnNr() : "";
        String message = firstLine(e.getOriginalMessage());
        // Jackson repeats the location inside some messages, with a dump of the source.
        message = message.replaceAll("\\[Source: [^;\\]]*(\\([^)]*\\))?[^;\\]]*; ", "[");
        return new Unreadable("not valid JSON" + where + ": " + printable(message));
    }

    /**
     * Text from the file fit for a one-line message: control characters shown as {@code \}{@code uXXXX}, and
     * anything beyond 120 characters cut with an ellipsis.
     */
    public static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_QUOTED + 8));
        int[] count = {0};
        text.codePoints().limit(MAX_QUOTED).forEach(cp -> {
            count[0]++;
            if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
                out.append(String.format(Locale.ROOT, "\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        if (count[0] == MAX_QUOTED && text.codePointCount(0, text.length()) > MAX_QUOTED) {
            out.append('…');
        }
        return out.toString();
    }

    /** Text cut to {@code max} characters with "..." (for values quoted whole in a sentence). */
    public static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 3)) + "...";
    }

    /** UTF-8 first; what is not UTF-8 is taken as GB18030, the encoding Excel on a Chinese Windows writes. */
    private static String decode(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            text = new String(content, GB18030);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Format formatOf(String source, String text) {
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) {
            return Format.CSV;
        }
        if (lower.endsWith(".json") || lower.endsWith(".geojson")) {
            return Format.JSON;
        }
        String t = text.stripLeading();
        return !t.isEmpty() && (t.charAt(0) == '{' || t.charAt(0) == '[') ? Format.JSON : Format.CSV;
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unexpected content";
        }
        return message.lines().findFirst().orElse(message).strip();
    }
}
