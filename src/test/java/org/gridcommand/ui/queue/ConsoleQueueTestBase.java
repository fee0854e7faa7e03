package org.gridcommand.ui.queue;

import javafx.stage.Stage;
import org.gridcommand.app.AppContext;
import org.gridcommand.duty.Operator;
import org.gridcommand.ui.ConsoleWindow;
import org.gridcommand.ui.DemoSeat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real console on a demo seat, per test: a subclass opens the seat in its own {@code @BeforeAll}
 * ({@link #openSeat}, then seeds what it needs), names the officer on duty, calls {@link #startConsole} from
 * its {@code @Start}, and gets the window and its queue (silent alert sound) for each test; the window is disposed after each test and the seat closed after all.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class ConsoleQueueTestBase {
    protected static DemoSeat seat;
    protected static AppContext context;
    protected ConsoleWindow window;
    protected CaseQueueView queue;

    /** Opens the demo seat in a fresh folder and signs {@code officer} on. */
    protected static void openSeat(String folderPrefix, Operator officer) throws Exception {
        seat = DemoSeat.open(folderPrefix, officer);
        context = seat.context();
    }

    /** Who is on duty in the window. */
    protected abstract Operator officer();

    /**
     * Opens the window: call it from the subclass's own {@code @Start} method (TestFX finds only methods the
     * test class itself declares).
     */
    protected void startConsole(Stage stage) {
        window = seat.window(officer());
        QueueTestSupport.showConsole(stage, window);
        queue = QueueTestSupport.queueView(stage.getScene());
        queue.setAlertSound(() -> { });
    }

    @AfterEach
    void disposeWindow() throws Exception {
        WaitForAsyncUtils.asyncFx(window::dispose).get();
    }

    @AfterAll
    static void closeSeat() {
        if (seat != null) {
            seat.close();
            seat = null;
        }
    }
}
