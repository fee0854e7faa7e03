package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WallSettingsTest {
    @TempDir
    Path dir;

    @Test
    void theShippedSettingsOfferTheStandardAndSpanningLayouts() {
        WallSettings settings = WallSettings.loadDefault();

        assertThat(settings.layouts()).extracting(WallLayout::name)
                .containsExactly("1x1", "2x2", "3x3", "4x4", "1+5", "1+7", "2+8");
        assertThat(settings.layout("1+5").orElseThrow()).isEqualTo(WallLayout.onePlusFive());
        assertThat(settings.layout("1+7").orElseThrow()).isEqualTo(WallLayout.onePlusSeven());
        assertThat(settings.layout("2+8").orElseThrow().size()).isEqualTo(10);
        assertThat(settings.startLayout()).isEqualTo(WallLayout.grid(2, 2));
        assertThat(settings.tourInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.streamSizing()).isEqualTo(new StreamSizing(960, 880));
    }

    @Test
    void aBadLayoutIsNamedByPositionNameAndProblem() throws Exception {
        Path file = write("""
                {"layouts": [{"name": "1x1", "rows": 1, "cols": 1},
                             {"name": "lopsided", "rows": 2, "cols": 2,
                              "large": [{"row": 0, "col": 1, "rowSpan": 2, "colSpan": 2}]}],
                 "startLayout": "1x1", "tourSeconds": 10, "tourSecondsChoices": [10],
                 "mainStreamFromWidth": 960, "subStreamBelowWidth": 880}
                """);
        assertThatThrownBy(() -> WallSettings.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wall.json: layouts[1] ('lopsided')")
                .hasMessageContaining("right edge");
    }

    @Test
    void otherMistakesNameTheField() throws Exception {
        String good = """
                {"layouts": [{"name": "1x1", "rows": 1, "cols": 1}], "startLayout": "%s", "tourSeconds": %s,
                 "tourSecondsChoices": [10], "mainStreamFromWidth": %s, "subStreamBelowWidth": 880}
                """;
        assertThatThrownBy(() -> WallSettings.load(write(good.formatted("9x9", "10", "960"))))
                .hasMessageContaining("\"startLayout\" '9x9' is not one of the layouts");
        assertThatThrownBy(() -> WallSettings.load(write(good.formatted("1x1", "\"ten\"", "960"))))
                .hasMessageContaining("\"tourSeconds\" must be a whole number");
        assertThatThrownBy(() -> WallSettings.load(write(good.formatted("1x1", "0", "960"))))
                .hasMessageContaining("tour interval must be above 0 s");
        assertThatThrownBy(() -> WallSettings.load(write(good.formatted("1x1", "10", "800"))))
                .hasMessageContaining("main stream threshold (800.0 px) must be above");
        assertThatThrownBy(() -> WallSettings.load(write("{\"layouts\": [")))
                .hasMessageContaining("wall.json: not valid JSON").hasMessageContaining("line 1");
        assertThatThrownBy(() -> WallSettings.load(write("{\"layouts\": [{\"name\": \"a\", \"rows\": 1, \"cols\": 1},"
                + "{\"name\": \"A\", \"rows\": 2, \"cols\": 2}], \"startLayout\": \"a\", \"tourSeconds\": 5,"
                + "\"tourSecondsChoices\": [], \"mainStreamFromWidth\": 960, \"subStreamBelowWidth\": 880}")))
                .hasMessageContaining("two wall layouts are named 'A'");
    }

    private Path write(String json) throws Exception {
        Path file = dir.resolve("wall.json");
        Files.writeString(file, json);
        return file;
    }
}
