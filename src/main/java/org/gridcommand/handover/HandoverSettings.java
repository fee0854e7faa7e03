package org.gridcommand.handover;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.common.AssetLocator;

/**
 * The handover's local policy ({@code assets/duty/handover.json}): when an on-duty worker counts as not seen,
 * how long after a shift change its handover is offered at sign-on, and which trail actions are notable.
 */
public record HandoverSettings(Duration workerNotSeenAfter, Duration offerWithin, Set<CaseAction> notableActions) {
    public static final String DEFAULT_ASSET = "duty/handover.json";

    public HandoverSettings {
        if (workerNotSeenAfter == null || workerNotSeenAfter.isNegative() || workerNotSeenAfter.isZero()) {
            throw new IllegalArgumentException("workerNotSeenAfter must be a positive duration, got " + workerNotSeenAfter);
        }
        if (offerWithin == null || offerWithin.isNegative()) {
            throw new IllegalArgumentException("offerWithin must not be negative, got " + offerWithin);
        }
        notableActions = Collections.unmodifiableSet(notableActions == null || notableActions.isEmpty()
                ? EnumSet.noneOf(CaseAction.class) : EnumSet.copyOf(notableActions));
    }

    public static HandoverSettings loadDefault() {
        return load(AssetLocator.resolve(DEFAULT_ASSET));
    }

    /** Reads the file; every problem names the file and the field. */
    public static HandoverSettings load(Path file) {
        String name = String.valueOf(file.getFileName());
        JsonNode root = org.gridcommand.common.AssetJson.readObject(file);
        long notSeen = minutes(root, "workerNotSeenAfterMinutes", name, 1);
        long offer = minutes(root, "offerWithinMinutes", name, 0);
        JsonNode list = root.get("notableActions");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(name + ": missing the \"notableActions\" array (case-trail actions, e.g. \"ESCALATE\")");
        }
        Set<CaseAction> actions = EnumSet.noneOf(CaseAction.class);
        for (int i = 0; i < list.size(); i++) {
            String text = list.get(i).asText("");
            try {
                actions.add(CaseAction.valueOf(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": notableActions entry " + (i + 1) + ": '" + text
                        + "' is not a case action (one of " + java.util.Arrays.toString(CaseAction.values()) + ")", e);
            }
        }
        return new HandoverSettings(Duration.ofMinutes(notSeen), Duration.ofMinutes(offer), actions);
    }

    private static long minutes(JsonNode root, String field, String name, long min) {
        JsonNode n = root.get(field);
        if (n == null || !n.canConvertToLong() || !n.isIntegralNumber()) {
            throw new IllegalArgumentException(name + ": \"" + field + "\" must be a whole number of minutes");
        }
        if (n.asLong() < min) {
            throw new IllegalArgumentException(name + ": \"" + field + "\" is " + n.asLong() + "; at least " + min + " expected");
        }
        return n.asLong();
    }
}
