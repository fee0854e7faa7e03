package org.gridcommand.alarm;

import java.util.Set;

/** Where acknowledgements are kept (the store; every seat on one store sees the same ones). */
public interface AlarmAckRepository {
    /** Keeps the acknowledgement; a second one of the same alarm (another seat, a retry) changes nothing. */
    void save(AlarmAcknowledgement acknowledgement);

    /** The keys acknowledged on cases that are still open (closed cases raise no alarms). */
    Set<String> acknowledgedOnOpenCases();
}
