package org.gridcommand.plans;

import java.util.Objects;

/** A channel's answer for one notification: its state and a line of detail (gateway id, error). */
public record Delivery(DeliveryState state, String detail) {
    public Delivery {
        Objects.requireNonNull(state, "state");
    }

    public static Delivery failed(String why) {
        return new Delivery(DeliveryState.FAILED, why);
    }
}
