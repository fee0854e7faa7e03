package org.gridcommand.duty;

/** The person on duty at this seat; every action they take is stamped with it. */
public record Operator(String name, Role role) {
    public Operator {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("operator name is required");
        }
        if (name.length() > 64) {
            throw new IllegalArgumentException("operator name is longer than 64 characters");
        }
        if (role == null) {
            throw new IllegalArgumentException("operator role is required");
        }
        name = name.strip();
    }
}
