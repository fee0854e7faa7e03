package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** Shared life cycle of the tests that play through the real libVLC: one engine per class, one stage per test. */
@Tag("ui")
@Tag("libvlc")
abstract class LiveVideoTest {
    protected static VideoEngine engine;
    protected Stage stage;

    @BeforeAll
    static void startEngine() throws Exception {
        VideoFx.startToolkit();
        engine = VideoEngine.start();
        assertThat(engine.available()).as(engine.unavailableReason() + " / " + engine.detail()).isTrue();
    }

    @AfterAll
    static void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @AfterEach
    void hideStage() throws Exception {
        VideoFx.hide(stage);
    }
}
