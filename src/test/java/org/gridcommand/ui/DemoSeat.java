package org.gridcommand.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import org.gridcommand.app.AppContext;
import org.gridcommand.duty.Operator;
import org.gridcommand.fx.UiExecutor;
import org.gridcommand.testing.ManualClock;
import org.gridcommand.video.VideoEngine;

/**
 * A seat on the demo district for console-level tests: a fresh demo store in a temporary folder (English
 * texts, a {@link ManualClock} standing at {@link ManualClock#DUTY_AFTERNOON}, so nothing depends on the hour the
 * test runs at) and libVLC, opened once per test class; windows are built on it per test, on the JavaFX executor
 * as on a real seat.
 */
public record DemoSeat(Path dataDir, AppContext context, ManualClock clock, VideoEngine video) implements AutoCloseable {

    /** Opens the store (seeding the demo) and libVLC; signs {@code onDuty} on when given. */
    public static DemoSeat open(String folderPrefix, Operator onDuty) throws IOException {
        Path dir = Files.createTempDirectory(folderPrefix);
        ManualClock clock = ManualClock.dutyAfternoon();
        AppContext context = AppContext.openDemo(dir, Locale.ENGLISH, clock);
        if (onDuty != null) {
            context.duty().signOn(onDuty);
        }
        return new DemoSeat(dir, context, clock, VideoEngine.start());
    }

    /** The whole console window for the operator on duty, on the local store. FX thread. */
    public ConsoleWindow window(Operator operator) {
        return window(new SimpleObjectProperty<>(operator));
    }

    public ConsoleWindow window(ObservableValue<Operator> operator) {
        return new ConsoleWindow(context, video, operator, new SimpleStringProperty("local store only"), UiExecutor.fx());
    }

    @Override
    public void close() {
        video.close();
        context.close();
    }
}
