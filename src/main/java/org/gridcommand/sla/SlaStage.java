package org.gridcommand.sla;

/**
 * The timed stages of a case, each from one life-cycle instant to the next. The dispatch SLA clock of the
 * urban-management standard starts at dispatch, which is HANDLE here; DISPATCH times the centre's own
 * decision after acceptance.
 */
public enum SlaStage {
    /** reported → accepted (受理). */
    ACCEPT,
    /** accepted → dispatched (派遣). */
    DISPATCH,
    /** dispatched → fed back (处置, 反馈). */
    HANDLE,
    /** fed back → verified on site (核查). */
    VERIFY,
    /** verified → closed (结案). */
    CLOSE
}
