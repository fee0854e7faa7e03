package org.gridcommand.feed;

import java.time.Instant;
import org.gridcommand.cases.CaseReport;

/**
 * A case report from a grid worker's app: goes into the case queue through the one intake service, with
 * the sender and message id as its report id ({@link MessageKey#reportId}; intake is idempotent by report id).
 */
public record FieldReport(String messageId, String workerId, Instant at, CaseReport report) implements FieldMessage {
    @Override
    public String senderId() {
        return workerId;
    }
}
