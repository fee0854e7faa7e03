package org.gridcommand.cases;

/** One reason a report was refused, naming the field (as in CaseReport, e.g. "lat", "attachments[2]"). */
public record FieldProblem(String field, String message) {
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
