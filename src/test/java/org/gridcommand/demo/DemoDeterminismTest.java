package org.gridcommand.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.District;
import org.gridcommand.grid.SmallGrid;
import org.junit.jupiter.api.Test;

class DemoDeterminismTest {
    @Test
    void sameSeedGivesTheSameDistrict() {
        DemoDistrict a = DemoDistrictGenerator.generate(42);
        DemoDistrict b = DemoDistrictGenerator.generate(42);
        assertThat(wkt(a.district())).isEqualTo(wkt(b.district()));
        assertThat(a.district().gridHeads()).isEqualTo(b.district().gridHeads());
        assertThat(a.district().gridWorkers()).isEqualTo(b.district().gridWorkers());
        assertThat(a.cameras()).isEqualTo(b.cameras());
        assertThat(a.resources()).isEqualTo(b.resources());
    }

    @Test
    void anotherSeedGivesAnotherDistrict() {
        DemoDistrict a = DemoDistrictGenerator.generate(42);
        DemoDistrict c = DemoDistrictGenerator.generate(43);
        assertThat(wkt(a.district())).isNotEqualTo(wkt(c.district()));
        assertThat(a.district().gridWorkers()).isNotEqualTo(c.district().gridWorkers());
        assertThat(a.cameras()).isNotEqualTo(c.cameras());
    }

    @Test
    void sameSeedGivesTheSameCases() {
        DemoDistrict d = DemoTestSupport.DEMO;
        CategoryDictionary dict = CategoryDictionary.loadDefault();
        Instant now = Instant.parse("2025-07-15T03:10:00Z");
        List<Case> a = DemoCaseGenerator.generate(d, dict, now, 7);
        List<Case> b = DemoCaseGenerator.generate(d, dict, now, 7);
        List<Case> c = DemoCaseGenerator.generate(d, dict, now, 8);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    private static List<String> wkt(District d) {
        List<String> out = new java.util.ArrayList<>();
        out.add(d.outline().toText());
        d.bigGrids().stream().map(BigGrid::area).map(g -> g.toText()).forEach(out::add);
        d.smallGrids().stream().map(SmallGrid::area).map(g -> g.toText()).forEach(out::add);
        return out;
    }
}
