package org.gridcommand.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.gridcommand.camera.Camera;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.demo.DemoCaseGenerator;
import org.gridcommand.demo.DemoDistrict;
import org.gridcommand.demo.DemoDistrictGenerator;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.grid.UnitGridCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SearchServiceTest {
    private static DemoDistrict demo;
    private static List<Case> cases;
    private static SearchService search;

    @BeforeAll
    static void demo() {
        demo = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED);
        cases = DemoCaseGenerator.generate(demo, CategoryDictionary.loadDefault(),
                Instant.parse("2026-11-27T03:00:00Z"), 7);
        search = new SearchService(demo.district(), demo.cameras(), () -> cases);
    }

    @Test
    void aFullGridCodeFindsThatGridFirstWithItsExtent() {
        SmallGrid grid = demo.district().smallGrids().get(40);
        List<SearchHit> hits = search.search(grid.code().value(), 5, Locale.ENGLISH);
        assertThat(hits.get(0).kind()).isEqualTo(SearchHit.Kind.SMALL_GRID);
        assertThat(hits.get(0).id()).isEqualTo(grid.code().value());
        assertThat(hits.get(0).extent()).isEqualTo(grid.area().getEnvelopeInternal());
        assertThat(grid.area().getEnvelopeInternal().contains(hits.get(0).focus().lon(), hits.get(0).focus().lat())).isTrue();
    }

    @Test
    void aChineseNameFragmentFindsGridsOfThatCommunity() {
        String community = demo.district().bigGrids().get(0).name().zh().substring(0, 2);
        List<SearchHit> hits = search.search(community, 50, Locale.SIMPLIFIED_CHINESE);
        assertThat(hits).isNotEmpty();
        assertThat(hits).filteredOn(h -> h.kind() == SearchHit.Kind.SMALL_GRID).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void aCameraIdFliesToTheCamera() {
        Camera camera = demo.cameras().get(123);
        List<SearchHit> hits = search.search(camera.id(), 3, Locale.ENGLISH);
        assertThat(hits.get(0).kind()).isEqualTo(SearchHit.Kind.CAMERA);
        assertThat(hits.get(0).focus()).isEqualTo(camera.position());
    }

    @Test
    void aWorkerByIdOrNameAndACaseById() {
        GridWorker worker = demo.district().gridWorkers().get(10);
        assertThat(search.search(worker.id(), 3, Locale.ENGLISH).get(0).id()).isEqualTo(worker.id());
        assertThat(search.search(worker.name().zh(), 10, Locale.ENGLISH))
                .extracting(SearchHit::id).contains(worker.id());
        Case c = cases.stream().filter(x -> x.location() != null).findFirst().orElseThrow();
        SearchHit hit = search.search(c.id(), 3, Locale.ENGLISH).get(0);
        assertThat(hit.kind()).isEqualTo(SearchHit.Kind.CASE);
        assertThat(hit.focus()).isEqualTo(c.location());
    }

    @Test
    void shortCodePrefixesAndBlankQueriesFindNothingAndLimitsHold() {
        assertThat(search.search("  ", 10, Locale.ENGLISH)).isEmpty();
        assertThat(search.search("44", 10, Locale.ENGLISH)).isEmpty();
        assertThat(search.search("440402104", 7, Locale.ENGLISH)).hasSize(7);
        assertThat(search.search("no such thing 不存在", 10, Locale.ENGLISH)).isEmpty();
    }

    @Test
    void gridSummaryListsOnDutyWorkersFirstOpenCasesAndCameras() {
        GridSummaryService summaries = new GridSummaryService(demo.district(), demo.cameras(), () -> cases);
        SmallGrid grid = demo.district().smallGrids().get(7);
        GridSummary summary = summaries.summarise(grid.code()).orElseThrow();
        assertThat(summary.workers()).hasSizeBetween(2, 3);
        assertThat(summary.workers()).isSortedAccordingTo((a, b) -> Boolean.compare(!a.onDuty(), !b.onDuty()));
        assertThat(summary.bigGrid().code()).isEqualTo(grid.bigGridCode());
        assertThat(summary.head().bigGridCode()).isEqualTo(grid.bigGridCode());
        assertThat(summary.cameras()).allMatch(c -> grid.code().value().equals(c.smallGridCode())).isNotEmpty();
        assertThat(summary.openCases()).allMatch(c -> c.state().isOpen() && grid.code().value().equals(c.smallGridCode()));
        assertThat(summaries.summarise(new UnitGridCode("440402104099099"))).isEmpty();
    }
}
