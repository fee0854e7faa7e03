package org.gridcommand.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The rows of a register file (cameras, addresses) as written: each row's values by canonical column, what is
 * malformed in it, and where it stands. Reading the CSV form is the same for every register: the header's columns
 * (aliases folded, unknown ones and ones given twice told), then each record's values, trimmed, blank ones absent.
 */
public final class RegisterRows {
    private RegisterRows() {
    }

    /**
     * One row: values by canonical field, and what is malformed by field ("" for the row as a whole).
     *
     * @param line  the line (CSV) or the object's or feature's place (JSON) for ordering problems
     * @param where e.g. {@code line 7} or {@code feature #3}
     */
    public record Row(int line, String where, Map<String, String> values, Map<String, String> malformed) {
        public String value(String field) {
            return values.get(field);
        }
    }

    /** What is wrong with a header, told to the register's own problem list. */
    public interface HeaderProblems {
        /** Required columns missing: nothing can be read. */
        void missing(int line, String detail);

        /** A column the register does not know (ignored). */
        void unknown(int line, String column, String detail);

        /** A column given twice (the first one is read). */
        void twice(int line, String column);
    }

    /**
     * The CSV's rows, or none when a required column is missing.
     *
     * @param canonical folds a header name (aliases, case) to the register's own column name
     * @param noun      what a column is of, for the message: "a camera column", "an address column"
     */
    public static List<Row> fromCsv(InputText.Csv csv, List<String> columns, List<String> required,
                                    Function<String, String> canonical, String noun, HeaderProblems problems) {
        CsvText.Row header = csv.header();
        List<String> names = header.fields().stream().map(canonical).toList();
        List<String> missing = required.stream().filter(c -> !names.contains(c)).toList();
        if (!missing.isEmpty()) {
            problems.missing(header.line(), "the header has no " + String.join(", ", missing) + " column"
                    + (missing.size() == 1 ? "" : "s") + "; columns found: " + csv.writtenHeader());
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String c = names.get(i);
            if (c.isEmpty()) {
                continue;
            }
            if (!columns.contains(c)) {
                problems.unknown(header.line(), InputText.printable(header.fields().get(i).strip()),
                        "not " + noun + " (ignored); the columns are " + String.join(", ", columns));
            } else if (!seen.add(c)) {
                problems.twice(header.line(), c);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (CsvText.Row record : csv.rows()) {
            List<String> fields = record.fields();
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < names.size() && i < fields.size(); i++) {
                String v = fields.get(i).strip();
                if (columns.contains(names.get(i)) && !v.isEmpty()) {
                    values.putIfAbsent(names.get(i), v);
                }
            }
            Map<String, String> malformed = new LinkedHashMap<>();
            if (fields.size() > names.size()
                    && fields.subList(names.size(), fields.size()).stream().anyMatch(f -> !f.isBlank())) {
                malformed.put("", "has " + fields.size() + " fields where the header has " + names.size()
                        + " (an unquoted " + (csv.delimiter() == '\t' ? "tab" : "'" + csv.delimiter() + "'")
                        + " in a value?)");
            }
            rows.add(new Row(record.line(), "line " + record.line(), values, malformed));
        }
        return rows;
    }
}
