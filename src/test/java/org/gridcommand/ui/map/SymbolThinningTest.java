package org.gridcommand.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gridcommand.demo.DemoDistrict;
import org.gridcommand.demo.DemoDistrictGenerator;
import org.gridcommand.directory.ResourceKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Thinning of camera and resource symbols on the demo district, checked geometrically. */
class SymbolThinningTest {
    private static MapData data;

    @BeforeAll
    static void demo() {
        DemoDistrict demo = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED);
        data = new MapData();
        data.setCameras(demo.cameras());
        data.setResources(demo.resources());
    }

    /** Pixels per metre at which the district is this many pixels wide. */
    private static double ppmForWidth(double pixels) {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        for (double x : data.cameraX) {
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
        }
        return pixels / (maxX - minX);
    }

    private record Symbol(double x, double y, boolean shown, ResourceKind kind) {
        double spacing() {
            return kind == null || kind == ResourceKind.HYDRANT ? SymbolThinning.SPARSE_SPACING_PX
                    : SymbolThinning.SPACING_PX;
        }
    }

    private static List<Symbol> symbols(SymbolThinning.Shown shown, double ppm) {
        List<Symbol> all = new ArrayList<>();
        for (int i = 0; i < data.resources.size(); i++) {
            all.add(new Symbol(data.resourceX[i] * ppm, -data.resourceY[i] * ppm, shown.resources()[i],
                    data.resources.get(i).kind()));
        }
        for (int i = 0; i < data.cameras.size(); i++) {
            all.add(new Symbol(data.cameraX[i] * ppm, -data.cameraY[i] * ppm, shown.cameras()[i], null));
        }
        return all;
    }

    @Test
    void aDistrictWideViewDropsCrowdedSymbolsButKeepsTheirPlacesCovered() {
        double ppm = ppmForWidth(500);
        SymbolThinning.Shown shown = SymbolThinning.compute(data, ppm, 1.0);
        List<Symbol> all = symbols(shown, ppm);
        assertThat(shown.hiddenCount()).as("some of %d symbols hidden at 500 px", all.size()).isPositive();
        for (Symbol a : all) {
            if (!a.shown()) {
                assertThat(all.stream().anyMatch(b -> b.shown() && Math.hypot(a.x() - b.x(), a.y() - b.y()) < a.spacing()))
                        .as("a hidden symbol has a shown one within its spacing").isTrue();
                continue;
            }
            for (Symbol b : all) {
                if (b != a && b.shown()) {
                    assertThat(Math.hypot(a.x() - b.x(), a.y() - b.y()))
                            .isGreaterThanOrEqualTo(Math.min(a.spacing(), b.spacing()));
                }
            }
        }
    }

    @Test
    void fireStationsAndHospitalsWinOverHydrantsAndCameras() {
        double ppm = ppmForWidth(500);
        List<Symbol> all = symbols(SymbolThinning.compute(data, ppm, 1.0), ppm);
        for (Symbol a : all) {
            if (!a.shown() && (a.kind() == ResourceKind.FIRE_STATION || a.kind() == ResourceKind.HOSPITAL)) {
                // Only one of its own kind or a more important one can have taken its place.
                assertThat(all.stream().anyMatch(b -> b.shown() && b.kind() != null
                        && b.kind().ordinal() <= ResourceKind.HOSPITAL.ordinal()
                        && Math.hypot(a.x() - b.x(), a.y() - b.y()) < SymbolThinning.SPACING_PX)).isTrue();
            }
        }
        assertThat(all.stream().filter(s -> s.kind() == ResourceKind.FIRE_STATION).allMatch(Symbol::shown))
                .as("the demo's fire stations are far apart: all shown").isTrue();
    }

    @Test
    void zoomedInEverySymbolIsShownAndALargerScaleFactorThinsMore() {
        SymbolThinning.Shown close = SymbolThinning.compute(data, ppmForWidth(200_000), 1.0);
        assertThat(close.hiddenCount()).isZero();
        double ppm = ppmForWidth(1500);
        assertThat(SymbolThinning.compute(data, ppm, 2.0).hiddenCount())
                .isGreaterThan(SymbolThinning.compute(data, ppm, 1.0).hiddenCount());
    }

    @Test
    void answersAreCachedPerScaleAndForgottenWhenTheCamerasChange() {
        double ppm = ppmForWidth(800);
        MapData own = new MapData();
        own.setCameras(data.cameras);
        own.setResources(data.resources);
        SymbolThinning.Shown first = own.thinning.at(own, ppm, 1.0);
        assertThat(own.thinning.at(own, ppm, 1.0)).isSameAs(first);
        own.setCameras(data.cameras.subList(0, 10));
        SymbolThinning.Shown after = own.thinning.at(own, ppm, 1.0);
        assertThat(after).isNotSameAs(first);
        assertThat(after.cameras()).hasSize(10);
    }
}
