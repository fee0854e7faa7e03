package org.gridcommand.ui.drill;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.gridcommand.app.DrillSession;
import org.gridcommand.common.Messages;
import org.gridcommand.drill.DrillRunner;
import org.gridcommand.drill.ScriptedEvent;
import org.gridcommand.fx.FxThread;

/**
 * The trainer's strip over the drill console: the scenario, the drill clock, start / pause, speed ×1 ×2 ×10,
 * "inject next event now" (saying which), and the debrief. Red, like the watermark: nobody mistakes this
 * console for the live one.
 */
public final class TrainerBar extends HBox {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final DrillSession drill;
    private final Messages text;
    private final Label clock = new Label();
    private final Label next = new Label();
    private final Button startPause = new Button();
    private final Button inject = new Button();
    private final Button debrief = new Button();
    private final Timeline ticking;
    private boolean started;

    public TrainerBar(DrillSession drill, Messages text, Consumer<DrillSession> onDebrief) {
        this.drill = drill;
        this.text = text;
        setId("trainer-bar");
        getStyleClass().add("trainer-bar");
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        Label badge = new Label(DrillWatermark.TEXT);
        badge.getStyleClass().add("trainer-badge");
        Label name = new Label(drill.runner().scenario().name().in(text.locale()));
        name.getStyleClass().add("trainer-scenario");
        clock.setId("trainer-clock");
        clock.getStyleClass().add("trainer-clock");
        startPause.setId("trainer-start");
        startPause.setOnAction(e -> toggle());
        ToggleGroup speeds = new ToggleGroup();
        HBox speedBox = new HBox(2);
        for (int s : List.of(1, 2, 10)) {
            ToggleButton b = new ToggleButton("×" + s);
            b.setId("trainer-speed-" + s);
            b.setToggleGroup(speeds);
            b.setSelected(s == 1);
            b.setOnAction(e -> {
                drill.clock().setSpeed(s);
                b.setSelected(true);
            });
            speedBox.getChildren().add(b);
        }
        inject.setId("trainer-inject");
        inject.setText(text.get("drill.injectNext"));
        inject.setOnAction(e -> injectNext());
        next.setId("trainer-next");
        next.getStyleClass().add("trainer-next");
        debrief.setId("trainer-debrief");
        debrief.setText(text.get("drill.debrief"));
        debrief.setOnAction(e -> onDebrief.accept(drill));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(badge, name, clock, startPause, speedBox, inject, next, spacer, debrief);
        // The trainee's keyboard never lands on the trainer's controls: a Space or Enter meant for the queue or the
        // plan must not pause the drill clock or inject an event. The trainer uses F5, F6 or the mouse.
        for (javafx.scene.Node n : List.of(startPause, inject, debrief)) {
            n.setFocusTraversable(false);
        }
        speedBox.getChildren().forEach(n -> n.setFocusTraversable(false));
        ticking = new Timeline(new KeyFrame(Duration.millis(250), e -> refresh()));
        ticking.setCycleCount(Timeline.INDEFINITE);
        ticking.play();
        refresh();
    }

    /** Starts the drill (first press), then pauses and resumes. */
    public void toggle() {
        if (!started) {
            started = true;
            drill.start();
        } else if (drill.clock().paused()) {
            drill.clock().resume();
        } else {
            drill.clock().pause();
        }
        refresh();
    }

    /** Sends the next scripted event now (off the FX thread: it goes through the feed). */
    public void injectNext() {
        if (!started) {
            toggle();
        }
        FxThread.background(() -> drill.runner().injectNext(), sent -> refresh(), error -> next.setText(error.getMessage()));
    }

    public void dispose() {
        ticking.stop();
    }

    private void refresh() {
        clock.setText(text.format("drill.clock", CLOCK.format(drill.clock().instant().atZone(drill.context().zone())),
                drill.clock().speed()));
        startPause.setText(!started ? text.get("drill.start")
                : drill.clock().paused() ? text.get("drill.resume") : text.get("drill.pause"));
        DrillRunner runner = drill.runner();
        int pending = runner.pending();
        if (pending == 0) {
            next.setText(text.get("drill.allSent"));
            inject.setDisable(true);
            return;
        }
        List<ScriptedEvent> events = runner.scenario().events();
        ScriptedEvent upcoming = events.get(events.size() - pending);
        next.setText(text.format("drill.next", CLOCK.format(runner.startedAt().plus(upcoming.offset())
                .atZone(drill.context().zone())), upcoming.note()));
    }
}
