package org.gridcommand.cases;

/** What was done to a case: the verbs of the life cycle, each one line in the case's trail. */
public enum CaseAction {
    /** The case entered the queue from a channel. */
    REPORT,
    ACCEPT, VOID, DISPATCH, START_HANDLING, FEED_BACK,
    /** Verification on site passed. */
    VERIFY,
    /** Verification failed: the case goes back to handling (rework). */
    REWORK,
    CLOSE, SUSPEND, RESUME, SUPERVISE, ESCALATE,
    /** A duplicate report was attached to the case. */
    MERGE_REPORT
}
