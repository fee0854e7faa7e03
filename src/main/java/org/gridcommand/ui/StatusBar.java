package org.gridcommand.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.gridcommand.common.Messages;
import org.gridcommand.duty.Operator;

/** Clock, data source, operator on duty and connection state: always visible along the bottom. */
public final class StatusBar extends HBox {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final Label clockLabel = new Label();
    private final Timeline ticker;

    /** Adds an item at the right end (e.g. the field feed's line). */
    public void addItem(javafx.scene.Node item) {
        getChildren().add(item);
    }

    public StatusBar(Messages text, Clock clock, ZoneId zone, String dataSource,
                     ObservableValue<Operator> operator, ObservableValue<String> connection) {
        setId("status-bar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(28);
        setPadding(new Insets(6, 14, 6, 14));

        clockLabel.setId("status-clock");
        clockLabel.getStyleClass().add("status-clock");
        Label source = new Label(text.format("status.dataSource", storeInWords(text, dataSource)));
        source.setId("status-data-source");
        // A long folder keeps its two ends ("…" in the middle) and is whole in the tooltip.
        source.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_WORD_ELLIPSIS);
        source.setTooltip(new javafx.scene.control.Tooltip(source.getText()));
        Label operatorLabel = new Label();
        operatorLabel.setId("status-operator");
        operatorLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Operator op = operator.getValue();
            return op == null ? text.get("status.operator.none")
                    : text.format("status.operator", op.name(), text.get("role." + op.role().name()));
        }, operator));
        Label connectionLabel = new Label();
        connectionLabel.setId("status-connection");
        connectionLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> text.format("status.connection", connection.getValue()), connection));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // When the bar is full (the field feed's line in trouble), the data source and the link give way: the
        // clock and the officer on duty are never cut.
        clockLabel.setMinWidth(Region.USE_PREF_SIZE);
        operatorLabel.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(clockLabel, operatorLabel, spacer, source, connectionLabel);

        Runnable tick = () -> clockLabel.setText(CLOCK.format(clock.instant().atZone(zone)));
        tick.run();
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick.run()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        // The ticker follows the node: it runs only while the bar is in a scene.
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                ticker.stop();
            } else {
                ticker.play();
            }
        });
    }

    /** The store's description ("H2 local: /path", "PostgreSQL: host/db") with its kind in the officer's language. */
    static String storeInWords(org.gridcommand.common.Messages text, String description) {
        if (description == null) {
            return "";
        }
        if (description.startsWith("H2 local: ")) {
            return text.format("status.store.local", description.substring("H2 local: ".length()));
        }
        if (description.startsWith("PostgreSQL: ")) {
            return text.format("status.store.central", description.substring("PostgreSQL: ".length()));
        }
        return description;
    }
}
