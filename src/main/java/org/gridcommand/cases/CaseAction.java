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
    MERGE_REPORT,
    /** An emergency plan (应急预案) was started for the case; the note names the plan and its level. */
    ACTIVATE_PLAN,
    /** The case's emergency level was raised (e.g. IV → III) and its plan switched to that level's steps. */
    RAISE_LEVEL,
    /** A shift supervisor let the case close although required plan steps are open; the note is the reason. */
    OVERRIDE_CLOSE_GUARD,
    /** A picture (a video snapshot) was attached to the case as evidence; the case itself is unchanged. */
    EVIDENCE,
    /** Cameras covering the case were put on the video wall (checked on video); the note names them. */
    CAMERAS_SHOWN
}
