package org.gridcommand.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CategoryDictionaryTest {
    @TempDir
    Path dir;

    @Test
    void demoDictionaryHasSixMajorsAndThirtyFiveMinors() {
        CategoryDictionary dict = CategoryDictionary.loadDefault();
        assertThat(dict.majors()).hasSize(6).allMatch(Category::isMajor);
        assertThat(dict.minors()).hasSize(35).noneMatch(Category::isMajor);
        Set<String> majorCodes = dict.majors().stream().map(Category::code).collect(Collectors.toSet());
        assertThat(dict.minors()).allSatisfy(m -> {
            assertThat(majorCodes).contains(m.majorCode());
            assertThat(m.code()).startsWith(m.majorCode()).hasSize(4);
            assertThat(dict.weight(m.code())).isPositive();
            assertThat(dict.defaultPriority(m.code())).isNotNull();
        });
        int total = dict.majors().stream().mapToInt(m -> dict.minorsOf(m.code()).size()).sum();
        assertThat(total).isEqualTo(35);
    }

    @Test
    void residentialFireIsAnUrgentEmergency() {
        CategoryDictionary dict = CategoryDictionary.loadDefault();
        Category fire = dict.minors().stream()
                .filter(c -> c.name().en().equalsIgnoreCase("Residential fire")).findFirst().orElseThrow();
        assertThat(fire.name().zh()).isEqualTo("住宅火灾");
        assertThat(dict.defaultPriority(fire.code())).isEqualTo(Priority.URGENT);
        assertThat(dict.find(fire.majorCode())).get().extracting(c -> c.name().en()).isEqualTo("Emergencies");
        assertThat(dict.find("9999")).isEmpty();
        assertThatThrownBy(() -> dict.defaultPriority("06")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void minorWithUnknownMajorIsRefusedNamingTheEntry() throws IOException {
        Path file = write("""
                {"categories": [
                  {"code": "01", "zh": "公共设施", "en": "Public facilities"},
                  {"code": "0101", "major": "01", "zh": "井盖", "en": "Manhole", "defaultPriority": "HIGH", "weight": 1},
                  {"code": "0907", "major": "09", "zh": "未知", "en": "Unknown", "defaultPriority": "LOW", "weight": 1}
                ]}""");
        assertThatThrownBy(() -> CategoryDictionary.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("categories.json: entry 3: minor 0907 refers to unknown major 09");
    }

    @Test
    void duplicateCodesAreRefused() throws IOException {
        Path file = write("""
                {"categories": [
                  {"code": "01", "zh": "公共设施", "en": "Public facilities"},
                  {"code": "0101", "major": "01", "zh": "井盖", "en": "Manhole", "defaultPriority": "HIGH", "weight": 1},
                  {"code": "0101", "major": "01", "zh": "路灯", "en": "Lamp", "defaultPriority": "LOW", "weight": 1}
                ]}""");
        assertThatThrownBy(() -> CategoryDictionary.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("categories.json: entry 3")
                .hasMessageContaining("duplicate code 0101");
    }

    @Test
    void badPriorityWeightAndJsonAreRefused() throws IOException {
        Path badPriority = write("""
                {"categories": [
                  {"code": "01", "zh": "公共设施", "en": "Public facilities"},
                  {"code": "0101", "major": "01", "zh": "井盖", "en": "Manhole", "defaultPriority": "ASAP", "weight": 1}
                ]}""");
        assertThatThrownBy(() -> CategoryDictionary.load(badPriority))
                .hasMessageContaining("entry 2").hasMessageContaining("ASAP");

        Path badWeight = write("""
                {"categories": [
                  {"code": "01", "zh": "公共设施", "en": "Public facilities"},
                  {"code": "0101", "major": "01", "zh": "井盖", "en": "Manhole", "defaultPriority": "LOW", "weight": -2}
                ]}""");
        assertThatThrownBy(() -> CategoryDictionary.load(badWeight))
                .hasMessageContaining("entry 2").hasMessageContaining("weight");

        Path notJson = write("{\"categories\": [");
        assertThatThrownBy(() -> CategoryDictionary.load(notJson))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("categories.json: not valid JSON");
    }

    private Path write(String json) throws IOException {
        Path file = dir.resolve("categories.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }
}
