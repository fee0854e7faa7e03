package org.gridcommand.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WallDisplayLayoutReaderTest {
    @TempDir
    Path dir;

    @Test
    void theShippedLayoutPutsEveryPanelKindOnTheWall() {
        WallDisplayLayout layout = WallDisplayLayoutReader.readDefault();
        assertThat(layout.panels()).flatExtracting(WallDisplayLayout.Panel::kinds)
                .containsExactlyInAnyOrder(WallPanelKind.values());
        WallDisplayLayout.Panel video = layout.panels().stream().filter(p -> p.kinds().contains(WallPanelKind.VIDEO))
                .findFirst().orElseThrow();
        assertThat(video.videoColumns() * video.videoRows()).isEqualTo(9);
        assertThat(layout.panels()).anyMatch(WallDisplayLayout.Panel::rotates);
    }

    @Test
    void aPanelWithSeveralKindsRotatesAndSpansAreRead() throws IOException {
        WallDisplayLayout layout = WallDisplayLayoutReader.read(write("{\"version\":1,\"columns\":3,\"rows\":2,\"rotateSeconds\":5,"
                + "\"panels\":[{\"show\":\"map\",\"column\":0,\"row\":0,\"columnSpan\":2,\"rowSpan\":2},"
                + "{\"show\":[\"kpi\",\"events\"],\"column\":2,\"row\":0,\"rowSpan\":2}]}"));
        assertThat(layout.rotateSeconds()).isEqualTo(5);
        assertThat(layout.panels().get(0)).extracting(WallDisplayLayout.Panel::columnSpan, WallDisplayLayout.Panel::rowSpan)
                .containsExactly(2, 2);
        assertThat(layout.panels().get(1).kinds()).containsExactly(WallPanelKind.KPI, WallPanelKind.EVENTS);
    }

    @Test
    void everyProblemIsNamedWithTheFileAndItsPlace() throws IOException {
        String grid = "{\"version\":1,\"columns\":2,\"rows\":2,\"panels\":[";
        List<String[]> cases = List.of(
                new String[] {grid + "{\"show\":\"maps\",\"column\":0,\"row\":0}]}",
                        "bad.json: panels[0].show: unknown panel \"maps\" (one of map, video, kpi, plans, events)"},
                new String[] {grid + "{\"show\":\"map\",\"column\":0,\"row\":0,\"columnSpan\":2},"
                        + "{\"show\":\"kpi\",\"column\":1,\"row\":0}]}",
                        "bad.json: panel 2: overlaps panel 1 at column 1, row 0"},
                new String[] {grid + "{\"show\":\"map\",\"column\":1,\"row\":1,\"rowSpan\":2}]}",
                        "bad.json: panel 1: cells from column 1, row 1 spanning 1 x 2 leave the 2 x 2 grid"},
                new String[] {grid + "{\"show\":\"video\",\"column\":0,\"row\":0,\"video\":\"big\"}]}",
                        "bad.json: panels[0].video: \"big\" is not a tile grid like \"3x3\""},
                new String[] {grid + "{\"show\":\"map\",\"colum\":0,\"row\":0}]}",
                        "bad.json: panels[0].colum: unknown field"},
                new String[] {grid + "{\"show\":\"map\",\"row\":0}]}", "bad.json: panels[0].column: missing"},
                new String[] {"{\"version\":1,\"columns\":2,\"rows\":2,\"rotateSeconds\":1,\"panels\":[{\"show\":\"map\","
                        + "\"column\":0,\"row\":0}]}", "bad.json: rotateSeconds must be at least 3"},
                new String[] {"{\"version\":2,\"columns\":2,\"rows\":2,\"panels\":[]}",
                        "bad.json: version: this console reads version 1 layouts, the file says 2"},
                new String[] {"{\"version\":1,\n\"columns\":2,,}", "bad.json line 2 column 13: not valid JSON"});
        for (String[] c : cases) {
            Path file = dir.resolve("bad.json");
            Files.writeString(file, c[0]);
            assertThatThrownBy(() -> WallDisplayLayoutReader.read(file)).as(c[0])
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(c[1]);
        }
    }

    @Test
    void aMissingFileIsSaidPlainly() {
        Path missing = dir.resolve("nowhere.json");
        assertThatThrownBy(() -> WallDisplayLayoutReader.read(missing)).hasMessage(missing + ": no such file");
    }

    private Path write(String json) throws IOException {
        Path file = dir.resolve("layout.json");
        Files.writeString(file, json);
        return file;
    }
}
