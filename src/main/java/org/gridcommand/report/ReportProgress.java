package org.gridcommand.report;

/**
 * Told how far a report has got: a percentage (0 to 100, never going back) and the stage's name, so the CLI can
 * print it and a view can show a bar. Called on the thread that builds the report.
 */
@FunctionalInterface
public interface ReportProgress {
    ReportProgress NONE = (percent, stage) -> { };

    void update(int percent, String stage);
}
