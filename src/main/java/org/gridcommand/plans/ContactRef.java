package org.gridcommand.plans;

import java.util.Objects;

/**
 * One entry of a step's call tree: a leader of the plan library's leader list, or a department of
 * {@code dictionaries/departments.json}, by code.
 */
public record ContactRef(Kind kind, String code) {
    public enum Kind { LEADER, DEPARTMENT }

    public ContactRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
    }

    public static ContactRef leader(String code) {
        return new ContactRef(Kind.LEADER, code);
    }

    public static ContactRef department(String code) {
        return new ContactRef(Kind.DEPARTMENT, code);
    }

    /** "LEADER:TOWN_HEAD": how the store keeps it. */
    @Override
    public String toString() {
        return kind + ":" + code;
    }

    /** The inverse of {@link #toString()}. */
    public static ContactRef parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a contact (KIND:CODE): " + text);
        }
        return new ContactRef(Kind.valueOf(text.substring(0, colon)), text.substring(colon + 1));
    }
}
