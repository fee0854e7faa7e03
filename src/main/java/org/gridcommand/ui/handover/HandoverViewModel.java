package org.gridcommand.ui.handover;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.gridcommand.common.Messages;
import org.gridcommand.handover.HandoverAcknowledgement;
import org.gridcommand.handover.HandoverHtml;
import org.gridcommand.handover.HandoverReport;
import org.gridcommand.handover.HandoverService;
import org.gridcommand.fx.UiExecutor;

/**
 * The handover view's state: the report (prepared off the FX thread), its acknowledgement once recorded, and a
 * status line. FX thread only; every store call runs in the background.
 */
public final class HandoverViewModel {
    private final HandoverService service;
    private final Messages text;
    private final ZoneId zone;
    private final UiExecutor ui;
    private final ReadOnlyObjectWrapper<HandoverReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<HandoverAcknowledgement> acknowledgement =
            new ReadOnlyObjectWrapper<>(this, "acknowledgement");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public HandoverViewModel(HandoverService service, Messages text, ZoneId zone, UiExecutor ui) {
        this.service = Objects.requireNonNull(service, "service");
        this.text = Objects.requireNonNull(text, "text");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    public ReadOnlyObjectProperty<HandoverReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HandoverAcknowledgement> acknowledgementProperty() {
        return acknowledgement.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Prepares the report of the shift to hand over, with its acknowledgement if it already has one. */
    public void load() {
        busy.set(true);
        status.set(text.get("handover.loading"));
        ui.background(() -> {
            HandoverReport r = service.prepare();
            return new Loaded(r, service.acknowledgementOf(r.shift()).orElse(null));
        }, loaded -> {
            busy.set(false);
            report.set(loaded.report());
            acknowledgement.set(loaded.ack());
            status.set(loaded.ack() == null ? "" : acknowledgedLine(loaded.ack()));
        }, error -> {
            busy.set(false);
            status.set(text.format("handover.failed", String.valueOf(error.getMessage())));
        });
    }

    private record Loaded(HandoverReport report, HandoverAcknowledgement ack) {
    }

    /** The officer on duty takes over the shown report; the store says when it is durable. */
    public void acknowledge() {
        HandoverReport r = report.get();
        if (r == null || busy.get() || acknowledgement.get() != null) {
            return;
        }
        busy.set(true);
        status.set(text.get("handover.acknowledging"));
        ui.background(() -> service.acknowledge(r), ack -> {
            busy.set(false);
            acknowledgement.set(ack);
            status.set(acknowledgedLine(ack));
        }, error -> {
            busy.set(false);
            status.set(text.format("handover.ackFailed", String.valueOf(error.getMessage())));
        });
    }

    /** Writes the shown report as an HTML page (printable) to {@code file}. */
    public void exportTo(Path file) {
        HandoverReport r = report.get();
        if (r == null) {
            return;
        }
        HandoverAcknowledgement ack = acknowledgement.get();
        ui.background(() -> {
            Files.writeString(file, HandoverHtml.render(r, ack, text, zone), StandardCharsets.UTF_8);
            return file;
        }, done -> status.set(text.format("handover.exported", done)),
                error -> status.set(text.format("handover.exportFailed", String.valueOf(error.getMessage()))));
    }

    private String acknowledgedLine(HandoverAcknowledgement ack) {
        return text.format("handover.acknowledgedBy", ack.takenOverBy(), time(ack));
    }

    private String time(HandoverAcknowledgement ack) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(ack.acknowledgedAt().atZone(zone));
    }
}
