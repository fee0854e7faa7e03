package org.gridcommand.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridcommand.address.AddressCsv;
import org.gridcommand.address.AddressFile;
import org.gridcommand.address.AddressFileReader;
import org.gridcommand.address.AddressKind;
import org.gridcommand.address.StandardAddress;
import org.gridcommand.common.AssetLocator;
import org.gridcommand.geo.Datum;
import org.gridcommand.grid.GridLocator;
import org.junit.jupiter.api.Test;

/** The shipped register of the demo district: made again exactly by its generator, clean, every point in its grid. */
class DemoAddressRegisterTest {
    private static final DemoDistrict DEMO = DemoDistrictGenerator.generate(DemoSeeder.DEMO_SEED);

    @Test
    void theShippedFileIsWhatTheGeneratorMakesAndReadsClean() throws Exception {
        List<StandardAddress> made = DemoAddressGenerator.generate(DEMO, DemoSeeder.DEMO_SEED);
        String shipped = Files.readString(AssetLocator.resolve(DemoSeeder.ADDRESS_FILE));
        assertThat(AddressCsv.write(made)).as("assets/demo/addresses.csv is made by DemoAddressGenerator; "
                + "regenerate it when the generator changes").isEqualTo(shipped);

        AddressFile file = AddressFileReader.read(AssetLocator.resolve(DemoSeeder.ADDRESS_FILE), Datum.WGS84,
                DEMO.district());
        assertThat(file.problems()).isEmpty();
        assertThat(file.addresses()).hasSameSizeAs(made);
        assertThat(file.addresses()).extracting(StandardAddress::smallGrid)
                .containsExactlyElementsOf(made.stream().map(StandardAddress::smallGrid).toList());
    }

    @Test
    void everyKindIsThereAndEveryPointLiesInTheGridItIsListedWith() {
        List<StandardAddress> made = DemoAddressGenerator.generate(DEMO, DemoSeeder.DEMO_SEED);
        Map<AddressKind, Long> byKind = made.stream().collect(Collectors.groupingBy(StandardAddress::kind,
                Collectors.counting()));
        int grids = DEMO.district().smallGrids().size();
        assertThat(byKind.get(AddressKind.COMPOUND)).isEqualTo(grids);
        assertThat(byKind.get(AddressKind.HOUSE)).isEqualTo(6L * grids);
        assertThat(byKind.get(AddressKind.BUILDING)).isEqualTo(6L * grids);
        assertThat(byKind.get(AddressKind.UNIT)).isEqualTo(12L * grids);
        assertThat(byKind.get(AddressKind.POI)).isEqualTo(4L * DEMO.district().bigGrids().size());
        assertThat(byKind.get(AddressKind.ROAD)).isGreaterThanOrEqualTo(12);

        GridLocator locator = new GridLocator(DEMO.district());
        for (StandardAddress a : made) {
            assertThat(locator.locate(a.point().lon(), a.point().lat()).map(g -> g.code().value()))
                    .as(a.name()).contains(a.smallGrid());
        }
        assertThat(made.stream().collect(Collectors.toMap(StandardAddress::name, Function.identity(), (x, y) -> x)))
                .as("every full address is unique").hasSize(made.size());
        assertThat(made).extracting(StandardAddress::name).allMatch(n -> n.startsWith("唐家湾镇"));
    }
}
