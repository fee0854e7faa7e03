package org.gridcommand.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** video.json: off unless the seat says so; a file that cannot be used says why and leaves the defaults. */
class VideoSettingsTest {
    @TempDir
    Path dataDir;

    private VideoSettings.Loaded withFile(String json) throws Exception {
        Files.writeString(dataDir.resolve("video.json"), json);
        return VideoSettings.load(dataDir);
    }

    @Test
    void noFileOrNoFolderMeansTheDefaultsQuietly() {
        assertThat(VideoSettings.load(dataDir)).isEqualTo(new VideoSettings.Loaded(VideoSettings.DEFAULTS,
                java.util.Optional.empty()));
        assertThat(VideoSettings.load(null).settings().autoShowUrgentCases()).isFalse();
    }

    @Test
    void theSeatTurnsUrgentCamerasOnOrOff() throws Exception {
        assertThat(withFile("{\"autoShowUrgentCases\": true}").settings().autoShowUrgentCases()).isTrue();
        assertThat(withFile("{\"autoShowUrgentCases\": false, \"tourSeconds\": 10}").settings().autoShowUrgentCases())
                .isFalse();
        assertThat(withFile("{}").problem()).isEmpty();
    }

    @Test
    void aWrongValueIsNamedAndTheDefaultsApply() throws Exception {
        VideoSettings.Loaded loaded = withFile("{\"autoShowUrgentCases\": \"yes\"}");
        assertThat(loaded.settings()).isEqualTo(VideoSettings.DEFAULTS);
        assertThat(loaded.problem()).contains(dataDir.resolve("video.json")
                + ": \"autoShowUrgentCases\" must be true or false, not \"yes\"; using the defaults"
                + " (urgent cases do not change the wall)");
    }

    @Test
    void brokenJsonOrAnArrayIsNamedAndTheDefaultsApply() throws Exception {
        VideoSettings.Loaded broken = withFile("{\"autoShowUrgentCases\": tru");
        assertThat(broken.settings()).isEqualTo(VideoSettings.DEFAULTS);
        assertThat(broken.problem().orElseThrow()).startsWith(dataDir.resolve("video.json") + ": not readable JSON (")
                .doesNotContain("\n");
        VideoSettings.Loaded array = withFile("[true]");
        assertThat(array.settings()).isEqualTo(VideoSettings.DEFAULTS);
        assertThat(array.problem().orElseThrow()).contains("must be a JSON object");
    }
}
