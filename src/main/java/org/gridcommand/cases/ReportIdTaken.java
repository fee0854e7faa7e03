package org.gridcommand.cases;

/** A report id is already stored: the store's unique index refused the second copy of a report. */
public final class ReportIdTaken extends RuntimeException {
    private final String reportId;

    public ReportIdTaken(String reportId, Throwable cause) {
        super("report id " + reportId + " has already been received", cause);
        this.reportId = reportId;
    }

    public String reportId() {
        return reportId;
    }
}
