package org.gridcommand.common;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV text as the grid and camera files come: a header line that decides the delimiter (comma, semicolon as
 * European Excel writes it, or tab), quoted fields with doubled quotes and line breaks inside, and each
 * record's line number for messages. Walked by hand so a broken file can be reported, not thrown at.
 */
public final class CsvText {
    /** One record: the line it starts on (1-based) and its fields, unquoted. */
    public record Row(int line, List<String> fields) {
    }

    /** A quoted field that never closes: the text is not CSV. */
    public static final class Unclosed extends IllegalArgumentException {
        Unclosed(String message) {
            super(message);
        }
    }

    private final String text;
    private final char delimiter;

    public CsvText(String text) {
        this.text = text;
        this.delimiter = detectDelimiter(text);
    }

    public char delimiter() {
        return delimiter;
    }

    /** The delimiter that splits the header line most often: comma, semicolon (European Excel) or tab. */
    private static char detectDelimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long bestCount = header.chars().filter(ch -> ch == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long count = header.chars().filter(ch -> ch == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    /** Every record, with RFC 4180 quoting and CRLF, LF or CR line ends; blank lines skipped. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        int quoteLine = 0;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
                continue;
            }
            if (ch == '"' && field.toString().isBlank()) {
                quoted = true;
                quoteLine = line;
                field.setLength(0);
                any = true;
            } else if (ch == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    fields.add(field.toString());
                    rows.add(new Row(rowLine, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                any = false;
                line++;
                rowLine = line;
            } else {
                field.append(ch);
                any = true;
            }
        }
        if (quoted) {
            throw new Unclosed("a quoted field opened on line " + quoteLine + " is never closed");
        }
        if (any || field.length() > 0) {
            fields.add(field.toString());
            rows.add(new Row(rowLine, List.copyOf(fields)));
        }
        return rows;
    }
}
