package org.gridcommand.cases;

import java.util.List;
import java.util.stream.Collectors;

/** A report refused at intake; nothing was stored. Carries every problem found, not just the first. */
public final class IntakeRejected extends IllegalArgumentException {
    private final List<FieldProblem> problems;

    public IntakeRejected(List<FieldProblem> problems) {
        super("report refused: " + problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The fields named, in the order found. */
    public List<String> fields() {
        return problems.stream().map(FieldProblem::field).toList();
    }
}
