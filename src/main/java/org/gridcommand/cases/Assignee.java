package org.gridcommand.cases;

import java.util.Objects;

/** Who a case was dispatched to: a department (by its directory code) or a grid worker (by id). */
public record Assignee(Kind kind, String code) {
    public enum Kind { DEPARTMENT, GRID_WORKER }

    public Assignee {
        Objects.requireNonNull(kind, "kind");
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("assignee code is required");
        }
    }

    public static Assignee department(String code) {
        return new Assignee(Kind.DEPARTMENT, code);
    }

    public static Assignee worker(String workerId) {
        return new Assignee(Kind.GRID_WORKER, workerId);
    }
}
