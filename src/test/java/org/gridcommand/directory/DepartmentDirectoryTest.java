package org.gridcommand.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DepartmentDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void demoDirectoryHasTheEmergencyServices() {
        DepartmentDirectory directory = DepartmentDirectory.loadDefault();
        assertThat(directory.all()).hasSizeBetween(10, 15);
        assertThat(directory.all()).extracting(Department::code).doesNotHaveDuplicates();
        assertThat(directory.find("FIRE")).get().extracting(Department::hotline).isEqualTo("119");
        assertThat(directory.find("POLICE")).get().extracting(Department::hotline).isEqualTo("110");
        assertThat(directory.find("MEDICAL")).get().extracting(Department::hotline).isEqualTo("120");
        assertThat(directory.find("URBAN")).get().extracting(Department::hotline).isEqualTo("12319");
        assertThat(directory.byHotline("119")).extracting(Department::code).containsExactly("FIRE");
        assertThat(directory.find("NOPE")).isEmpty();
        assertThat(directory.all()).allSatisfy(d -> {
            assertThat(d.name().zh()).isNotBlank();
            assertThat(d.name().en()).isNotBlank();
        });
    }

    @Test
    void duplicateCodeIsRefusedNamingTheEntry() throws IOException {
        Path file = write("""
                {"departments": [
                  {"code": "FIRE", "zh": "消防", "en": "Fire", "hotline": "119"},
                  {"code": "FIRE", "zh": "消防二", "en": "Fire 2", "hotline": "119"}
                ]}""");
        assertThatThrownBy(() -> DepartmentDirectory.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("departments.json: entry 2: duplicate code FIRE (first used by entry 1)");
    }

    @Test
    void missingHotlineAndBadCodeAreRefused() throws IOException {
        Path noHotline = write("""
                {"departments": [
                  {"code": "FIRE", "zh": "消防", "en": "Fire", "hotline": "119"},
                  {"code": "POLICE", "zh": "公安", "en": "Police"}
                ]}""");
        assertThatThrownBy(() -> DepartmentDirectory.load(noHotline))
                .hasMessage("departments.json: entry 2: missing or empty \"hotline\"");

        Path badCode = write("""
                {"departments": [ {"code": "fire brigade", "zh": "消防", "en": "Fire", "hotline": "119"} ]}""");
        assertThatThrownBy(() -> DepartmentDirectory.load(badCode))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entry 1");
    }

    private Path write(String json) throws IOException {
        Path file = dir.resolve("departments.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }
}
