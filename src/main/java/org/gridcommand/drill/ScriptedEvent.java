package org.gridcommand.drill;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.gridcommand.feed.FeedTopic;

/**
 * One event of a drill scenario: at an offset from the drill's start, a field message through the real intake
 * path (kind report, gps, track, status or alarm; its {@code id} and {@code at} are filled in when it is sent)
 * or a camera switch ({@code feedKind} null, {@code cameraId} set) that the console carries out.
 *
 * @param note what the trainer sees in the timeline ("worker Li Wei reports smoke")
 */
public record ScriptedEvent(Duration offset, FeedTopic.Kind feedKind, ObjectNode message, String cameraId, String note) {
    public boolean isCameraSwitch() {
        return feedKind == null;
    }

    /** The message's sender: the worker or sensor id named in it. */
    public String sender() {
        return message == null ? null : message.path(feedKind.senderField()).asText(null);
    }
}
