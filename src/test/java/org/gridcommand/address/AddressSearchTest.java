package org.gridcommand.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridcommand.geo.GeoPoint;
import org.junit.jupiter.api.Test;

/** What a caller says, as an officer types it, finds the register's address first. */
class AddressSearchTest {
    private static final GeoPoint P = new GeoPoint(113.58, 22.36);
    private static final List<StandardAddress> REGISTER = List.of(
            road("R1", "金鼎路"),
            house("H1", "金鼎路", "28"),
            house("H2", "金鼎路", "280"),
            house("H3", "金鼎路", "2"),
            house("H4", "金鼎路", "31"),
            house("H5", "大学路", "28"),
            compound("C1", "金鼎路", "30", "金湾花园"),
            building("B1", "金鼎路", "30", "金湾花园", "3", null),
            building("U1", "金鼎路", "30", "金湾花园", "3", "2"),
            building("B2", "金鼎路", "30", "金湾花园", "4", null),
            building("B3", "大学路", "12", "海怡雅苑", "3", null),
            poi("P1", "沙堤路", "10", "上栅市场"),
            poi("P2", "科技一路", "26", "下栅市场"));
    private final AddressSearch search = new AddressSearch(REGISTER);

    @Test
    void theCharactersOfTheAddressFindItFirstAndTheHouseComesBeforeWhatIsInsideIt() {
        assertThat(codes("金鼎路28号")).startsWith("H1").doesNotContain("H5", "H4");
        assertThat(codes("唐家湾镇金鼎路 28 号")).startsWith("H1");
        // 4栋 is listed only because "3" begins its house number 30; it comes after everything that has a 3 of its own.
        assertThat(codes("金湾花园3栋")).startsWith("B1", "U1", "C1").endsWith("B2");
        assertThat(codes("金湾花园 3栋 2单元")).startsWith("U1");
        assertThat(codes("金鼎路")).startsWith("R1");
        assertThat(search.search("金鼎路28号", 5).get(0).score()).isGreaterThan(0.9);
    }

    @Test
    void pinyinInitialsFullWidthDigitsAndBothReadingsOfACharacterFindTheSame() {
        assertThat(codes("jdl 28")).startsWith("H1");
        assertThat(codes("ｊｄｌ２８")).startsWith("H1");
        assertThat(codes("JDL28")).startsWith("H1");
        // 栅 reads zha (上栅) or shan: either spelling's initials find the market.
        assertThat(codes("szsc")).containsExactly("P1");
        assertThat(codes("sssc")).containsExactly("P1");
        assertThat(codes("jwhy 3")).startsWith("B1");
    }

    @Test
    void aPartialHouseNumberListsTheExactOneFirstThenTheNumbersItBegins() {
        assertThat(codes("金鼎路 2")).startsWith("H3").contains("H1", "H2").doesNotContain("H4");
        assertThat(codes("金鼎路 28")).startsWith("H1", "H2");
    }

    @Test
    void aMisheardNameStillFindsThePlaceLowerAndANumberNeverMatchesAnother() {
        List<AddressMatch> misheard = search.search("金湾苑3栋", 5);
        assertThat(misheard).isNotEmpty();
        assertThat(misheard.get(0).address().code()).isEqualTo("B1");
        assertThat(misheard.get(0).score()).isLessThan(search.search("金湾花园3栋", 1).get(0).score());
        assertThat(codes("金鼎路 99")).isEmpty();
        assertThat(codes("xyz")).isEmpty();
        assertThat(codes("   ")).isEmpty();
        assertThat(search.search("金鼎路", 2)).hasSize(2);
    }

    private List<String> codes(String query) {
        return search.search(query, 20).stream().map(m -> m.address().code()).toList();
    }

    private static StandardAddress road(String code, String road) {
        return of(code, AddressKind.ROAD, road, null, null, null, null, null);
    }

    private static StandardAddress house(String code, String road, String number) {
        return of(code, AddressKind.HOUSE, road, number, null, null, null, null);
    }

    private static StandardAddress compound(String code, String road, String number, String compound) {
        return of(code, AddressKind.COMPOUND, road, number, compound, null, null, null);
    }

    private static StandardAddress building(String code, String road, String number, String compound, String building,
                                            String unit) {
        return of(code, unit == null ? AddressKind.BUILDING : AddressKind.UNIT, road, number, compound, building, unit,
                null);
    }

    private static StandardAddress poi(String code, String road, String number, String poi) {
        return of(code, AddressKind.POI, road, number, null, null, null, poi);
    }

    private static StandardAddress of(String code, AddressKind kind, String road, String number, String compound,
                                      String building, String unit, String poi) {
        return new StandardAddress(code, kind, StandardAddress.composeName("唐家湾镇", road, number, compound, building,
                unit, poi), "唐家湾镇", road, number, compound, building, unit, poi, P, null);
    }
}
