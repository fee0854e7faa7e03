package org.gridcommand.feed;

/** Why a field message was quarantined. */
public enum QuarantineReason {
    /** Not JSON, or not UTF-8. */
    MALFORMED_JSON,
    /** JSON that breaks the message's schema (missing field, wrong type, unknown version …). */
    SCHEMA_VIOLATION,
    /** A topic the protocol does not define. */
    UNKNOWN_TOPIC,
    /** A worker id no grid worker has. */
    UNKNOWN_WORKER,
    /** A sensor id no registered sensor has. */
    UNKNOWN_SENSOR,
    /** Coordinates outside any plausible range for the district's region, or latitude and longitude swapped. */
    IMPLAUSIBLE_COORDINATES,
    /** A GPS fix the worker could not have reached from the previous one (speed beyond a person on foot or bike). */
    IMPOSSIBLE_JUMP,
    /** A timestamp too far in the future. */
    FUTURE_TIMESTAMP,
    /** Accepted by the parser but refused by the intake service (e.g. unknown category). */
    INTAKE_REFUSED
}
