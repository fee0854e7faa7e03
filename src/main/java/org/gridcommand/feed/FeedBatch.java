package org.gridcommand.feed;

import java.util.List;
import java.util.Objects;

/**
 * The messages one commit stores: accepted ones (no case reports: those go through the intake service)
 * and quarantined ones. Quarantined messages with a message id get a receipt too, so a redelivered bad
 * message is not quarantined twice.
 */
public record FeedBatch(List<FieldMessage> accepted, List<Quarantined> quarantined) {
    public FeedBatch {
        accepted = List.copyOf(Objects.requireNonNull(accepted, "accepted"));
        quarantined = List.copyOf(Objects.requireNonNull(quarantined, "quarantined"));
        for (FieldMessage m : accepted) {
            if (m instanceof FieldReport) {
                throw new IllegalArgumentException("case reports go through the intake service, not the feed store: "
                        + m.messageId());
            }
        }
    }

    public boolean isEmpty() {
        return accepted.isEmpty() && quarantined.isEmpty();
    }
}
