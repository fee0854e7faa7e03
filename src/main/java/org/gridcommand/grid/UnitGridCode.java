package org.gridcommand.grid;

/**
 * The 15-digit unit-grid code: 6-digit administrative code (GB/T 2260) + 3-digit street/town
 * + 3-digit community + 3-digit sequence.
 */
public record UnitGridCode(String value) implements Comparable<UnitGridCode> {
    public UnitGridCode {
        if (value == null || !value.matches("\\d{15}")) {
            throw new IllegalArgumentException("unit grid code must be 15 digits, got: " + value);
        }
    }

    public static UnitGridCode of(String admin, String street, String community, String sequence) {
        return new UnitGridCode(admin + street + community + sequence);
    }

    public static boolean isValid(String value) {
        return value != null && value.matches("\\d{15}");
    }

    public String adminCode() {
        return value.substring(0, 6);
    }

    public String streetCode() {
        return value.substring(6, 9);
    }

    public String communityCode() {
        return value.substring(9, 12);
    }

    public String sequence() {
        return value.substring(12, 15);
    }

    /** The 12-digit code of the community (big grid) this grid lies in. */
    public String communityPrefix() {
        return value.substring(0, 12);
    }

    @Override
    public int compareTo(UnitGridCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
