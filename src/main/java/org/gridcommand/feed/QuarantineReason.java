package org.gridcommand.feed;

/** Why a field message was quarantined. */
public enum QuarantineReason {
    /** Not JSON, or not UTF-8. */
    MALFORMED_JSON,
    /** Larger than the protocol allows (64 KiB): refused unread; only a prefix, the size and the digest are kept. */
    OVERSIZED,
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
    /** A timestamp too far in the future (the message kind's window in {@code assets/feed/plausibility.json}). */
    FUTURE_TIMESTAMP,
    /** A timestamp older than the message kind's window allows (a wrong device clock, a replayed message). */
    STALE_TIMESTAMP,
    /** A sensor reading that is not a finite number or outside the range of its kind ({@code sensor-kinds.json}). */
    IMPLAUSIBLE_VALUE,
    /** Accepted by the parser but refused by the intake service (e.g. unknown category). */
    INTAKE_REFUSED,
    /**
     * Accepted by the parser but refused by the store, twice, while the store accepted other writes: the message
     * itself is what the store cannot hold, and keeping it back would hold back every message behind it.
     */
    STORE_REFUSED
}
