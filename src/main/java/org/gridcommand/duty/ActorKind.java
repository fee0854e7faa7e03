package org.gridcommand.duty;

/**
 * What kind of actor wrote a trail line: the trail is evidence, so "who did it" must say whether a person at a
 * seat decided, a device in the field reported, or the program acted on a rule.
 */
public enum ActorKind {
    /** A duty officer, supervisor or trainer signed on at a seat (the line carries the role). */
    OFFICER,
    /** A grid worker, through the field app (the line names the worker id). */
    WORKER,
    /** A sensor or its gateway, through the field feed (the line names the sensor id). */
    SENSOR,
    /** A camera's video analytics. */
    VIDEO,
    /** The city's hotline system handing over a work order. */
    HOTLINE,
    /** The program itself, by a rule: overdue escalation, the field feed deciding for a device, a merge. */
    SYSTEM
}
