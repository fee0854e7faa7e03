package org.gridcommand.address;

import java.util.Objects;
import org.gridcommand.common.InputText;

/**
 * One thing wrong with an address register file, with its place.
 *
 * @param where e.g. {@code line 7}, {@code feature #3}, or {@code file "addresses.csv"}
 * @param line  the line in the file (CSV), the feature's number (GeoJSON), 0 for the file as a whole
 * @param code  the address code as written in the row, or null
 * @param field the column or property, or null for the row or the file
 */
public record AddressProblem(AddressProblemKind kind, String where, int line, String code, String field,
                             String detail) {
    public AddressProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean warning() {
        return kind.warning();
    }

    /** One report line, e.g. {@code ERROR MISSING_PART line 4 (AD-0007) road: a house needs its road}. */
    public String toLine() {
        StringBuilder line = new StringBuilder(warning() ? "WARNING " : "ERROR ").append(kind.name()).append(' ')
                .append(where);
        if (code != null && !code.isBlank()) {
            line.append(" (").append(InputText.printable(code)).append(')');
        }
        if (field != null) {
            line.append(' ').append(field);
        }
        return line.append(": ").append(detail).toString();
    }
}
