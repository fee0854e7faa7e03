package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WallPresetStoreTest {
    @TempDir
    Path dataDir;

    private static final String CAM_A = "44040210001327000001";
    private static final String CAM_B = "44040210001317000002";

    private WallPresetStore store() {
        return new WallPresetStore(dataDir.resolve(WallPresetStore.FILE_NAME),
                Clock.fixed(Instant.parse("2026-03-01T12:30:00Z"), ZoneOffset.UTC));
    }

    @Test
    void noFileMeansNoPresets() throws Exception {
        WallPresetStore.Loaded loaded = WallPresetStore.inDataDir(dataDir).load();
        assertThat(loaded.presets()).isEmpty();
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void savedPresetsComeBackWithLayoutAndCamerasPerCell() throws Exception {
        WallPreset night = new WallPreset("Night east", WallLayout.onePlusFive(),
                List.of(CAM_A, "", CAM_B, "", "", ""));
        WallPreset gate = new WallPreset("Gate", WallLayout.grid(1, 1), List.of(CAM_B));
        store().save(night);
        store().save(gate);

        WallPresetStore.Loaded loaded = store().load();

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.names()).containsExactly("Night east", "Gate");
        WallPreset back = loaded.find("night EAST").orElseThrow();
        assertThat(back).isEqualTo(night);
        assertThat(back.layout().cell(0)).isEqualTo(new WallLayout.Cell(0, 0, 2, 2));
        assertThat(back.cameraAt(2)).isEqualTo(CAM_B);
        assertThat(back.cameraAt(1)).isEmpty();
        String json = Files.readString(store().file());
        assertThat(json).contains("\"format\" : 1").contains("null");
        // No temporary file is left beside it.
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(WallPresetStore.FILE_NAME);
        }
    }

    @Test
    void savingUnderAnExistingNameReplacesIt() throws Exception {
        store().save(new WallPreset("Gate", WallLayout.grid(1, 1), List.of(CAM_A)));
        store().save(new WallPreset("gate", WallLayout.grid(2, 2), List.of(CAM_B, "", "", "")));

        WallPresetStore.Loaded loaded = store().load();
        assertThat(loaded.presets()).hasSize(1);
        assertThat(loaded.presets().get(0).layout()).isEqualTo(WallLayout.grid(2, 2));
        assertThat(loaded.presets().get(0).name()).isEqualTo("gate");
    }

    @Test
    void deleteRemovesOnlyThatPreset() throws Exception {
        store().save(new WallPreset("A", WallLayout.grid(1, 1), List.of(CAM_A)));
        store().save(new WallPreset("B", WallLayout.grid(1, 1), List.of(CAM_B)));

        assertThat(store().delete("a")).isTrue();
        assertThat(store().delete("nope")).isFalse();
        assertThat(store().load().names()).containsExactly("B");
    }

    @Test
    void aDamagedEntryIsReportedByNumberAndNameAndKeptWhenOthersAreSaved() throws Exception {
        Files.writeString(store().file(), """
                {"format": 1, "presets": [
                  {"name": "Good", "layout": {"name": "1x1", "rows": 1, "cols": 1}, "cameras": ["%s"]},
                  {"name": "Broken", "layout": {"name": "odd", "rows": 2, "cols": 2,
                     "cells": [{"row": 0, "col": 0, "rowSpan": 2, "colSpan": 2}, {"row": 1, "col": 1}]},
                   "cameras": ["%s", null]},
                  {"name": "Short", "layout": {"name": "2x2", "rows": 2, "cols": 2}, "cameras": ["%s"]}
                ]}
                """.formatted(CAM_A, CAM_A, CAM_B));

        WallPresetStore.Loaded loaded = store().load();

        assertThat(loaded.names()).containsExactly("Good");
        assertThat(loaded.problems()).hasSize(2);
        assertThat(loaded.problems().get(0))
                .contains(WallPresetStore.FILE_NAME).contains("preset 2 ('Broken')").contains("layout:")
                .contains("overlap at row 1, col 1");
        assertThat(loaded.problems().get(1))
                .contains("preset 3 ('Short')").contains("1 camera(s) for layout 2x2");

        WallPresetStore.Saved saved = store().save(new WallPreset("New", WallLayout.grid(1, 1), List.of(CAM_B)));

        assertThat(saved.corruptCopy()).isNull();
        assertThat(saved.presets()).extracting(WallPreset::name).containsExactly("Good", "New");
        assertThat(saved.problems()).hasSize(2);
        // The damaged entries are still in the file, for someone to mend.
        String json = Files.readString(store().file());
        assertThat(json).contains("Broken").contains("Short");
    }

    @Test
    void aFileThatIsNotJsonIsReportedWithItsPlaceAndKeptAsACopyOnTheNextSave() throws Exception {
        String garbage = "{\"format\": 1, \"presets\": [ {\"name\": \"Lost\", oops";
        Files.writeString(store().file(), garbage);

        WallPresetStore.Loaded loaded = store().load();

        assertThat(loaded.presets()).isEmpty();
        assertThat(loaded.problems()).singleElement().asString()
                .contains(WallPresetStore.FILE_NAME + " is not valid JSON at line 1, column")
                .contains("next save keeps a copy");
        assertThat(Files.readString(store().file())).isEqualTo(garbage);

        WallPresetStore.Saved saved = store().save(new WallPreset("Fresh", WallLayout.grid(1, 1), List.of(CAM_A)));

        assertThat(saved.corruptCopy()).isNotNull();
        assertThat(saved.corruptCopy().getFileName().toString())
                .isEqualTo(WallPresetStore.FILE_NAME + ".corrupt-20260301T123000Z");
        assertThat(Files.readString(saved.corruptCopy())).isEqualTo(garbage);
        assertThat(store().load().names()).containsExactly("Fresh");
    }

    @Test
    void aFileOfTheWrongShapeOrANewerFormatIsReported() throws Exception {
        Files.writeString(store().file(), "[1, 2]");
        assertThat(store().load().problems()).singleElement().asString().contains("\"presets\" array");
        Files.writeString(store().file(), "{\"format\": 7, \"presets\": []}");
        assertThat(store().load().problems()).singleElement().asString().contains("format 7 is newer");
        Files.write(store().file(), new byte[0]);
        assertThat(store().load().problems()).singleElement().asString().contains("is empty");
    }

    @Test
    void aDuplicateNameInTheFileKeepsTheFirst() throws Exception {
        String one = "{\"name\": \"Gate\", \"layout\": {\"name\": \"1x1\", \"rows\": 1, \"cols\": 1}, \"cameras\": [\"%s\"]}";
        Files.writeString(store().file(), "{\"presets\": [" + one.formatted(CAM_A) + ", "
                + one.formatted(CAM_B) + "]}", StandardCharsets.UTF_8);

        WallPresetStore.Loaded loaded = store().load();

        assertThat(loaded.presets()).singleElement().extracting(p -> p.cameraAt(0)).isEqualTo(CAM_A);
        assertThat(loaded.problems()).singleElement().asString()
                .contains("preset 2 ('Gate')").contains("same name");
    }

    @Test
    void presetsCheckTheirOwnShape() {
        assertThatThrownBy(() -> new WallPreset(" ", WallLayout.grid(1, 1), List.of("")))
                .hasMessageContaining("needs a name");
        assertThatThrownBy(() -> new WallPreset("Four", WallLayout.grid(2, 2), List.of(CAM_A)))
                .hasMessageContaining("preset 'Four': 1 camera(s) for layout 2x2 (2×2, 4 tiles)");
        char[] longName = new char[61];
        Arrays.fill(longName, 'x');
        assertThatThrownBy(() -> new WallPreset(new String(longName), WallLayout.grid(1, 1), List.of("")))
                .hasMessageContaining("61 characters long; at most 60");
        assertThat(new WallPreset("N", WallLayout.grid(1, 2), Arrays.asList(null, " " + CAM_A + " ")).cameraIds())
                .containsExactly("", CAM_A);
    }
}
