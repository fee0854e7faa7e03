package org.gridcommand.ui.workspace;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import org.gridcommand.app.AppContext;
import org.gridcommand.camera.Camera;
import org.gridcommand.cases.Case;
import org.gridcommand.common.Messages;
import org.gridcommand.ui.map.MapLegendTexts;
import org.gridcommand.geo.Datum;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.LocationAnswer;
import org.gridcommand.grid.proof.Defect;
import org.gridcommand.grid.proof.GridFileReader;
import org.gridcommand.grid.proof.GridProof;
import org.gridcommand.grid.proof.ProofReport;
import org.gridcommand.search.SearchHit;
import org.gridcommand.fx.UiExecutor;
import org.gridcommand.ui.grid.GridSidePanel;
import org.gridcommand.ui.map.GridMapView;
import org.gridcommand.ui.map.MapFeature;
import org.gridcommand.ui.map.MapLayerKind;
import org.gridcommand.ui.map.OverlayShape;
import org.gridcommand.ui.map.OverlayStyle;
import org.gridcommand.ui.map.tiles.BaseTileConfig;
import org.gridcommand.ui.map.tiles.RetrieverBaseTiles;
import org.gridcommand.ui.search.SearchBox;
import org.gridcommand.ui.track.CoverageLayer;
import org.gridcommand.ui.track.TrackReplayView;
import org.locationtech.jts.geom.Polygon;

/**
 * The map region of the console: the grid map with its toolbar (search, layers, measuring, cordon, grid
 * file check, fit), the locate line under it and the selected grid's side panel.
 */
public final class MapWorkspace extends BorderPane {
    static final String DEFECTS = "defects";
    static final String SEARCH_HIT = "search";
    /** Ground resolution a search flies to for a point (a camera, a worker, a case): a few streets wide. */
    private static final double POINT_METRES_PER_PIXEL = 1.5;

    private final AppContext context;
    private final UiExecutor ui;
    private final Messages text;
    private final Locale locale;
    private final GridMapView map = new GridMapView();
    private final GridSidePanel sidePanel;
    private final Label locateLine = new Label();
    private final Label proofLine = new Label();
    private final MeasureTool measure;
    private final CordonTool cordon;
    private ToggleButton cordonButton;
    private final SearchBox search;
    private final CoverageLayer coverage;
    private final Label coverageLine = new Label();
    private final org.gridcommand.ui.stats.CaseDensityLayer caseDensity;
    private java.util.function.Consumer<GeoPoint> onNewCaseAt = p -> { };

    public MapWorkspace(AppContext context, Path dataDir, UiExecutor ui) {
        this.context = context;
        this.ui = ui;
        this.text = context.messages();
        this.locale = text.locale();
        setId("map-workspace");
        map.setDistrict(context.district(), big -> big.name().in(locale),
                small -> text.format("map.smallGridLabel", Integer.parseInt(small.code().sequence())));
        map.setCameras(context.cameras());
        map.setResources(context.resources());
        map.setWorkers(context.district().gridWorkers());
        setLegendTexts(text);
        if (dataDir != null) {
            BaseTileConfig.load(dataDir).ifPresent(source -> map.setBaseTiles(new RetrieverBaseTiles(source)));
        }
        measure = new MeasureTool(map);
        cordon = new CordonTool(map);
        sidePanel = new GridSidePanel(text, () -> {
            map.selectedProperty().set(null);
            hideSidePanel();
        });
        search = new SearchBox(context.searchService(), text, this::goTo);
        coverage = new CoverageLayer(context, map, ui);
        caseDensity = new org.gridcommand.ui.stats.CaseDensityLayer(context::stats, map, text, context.clock(), ui);

        setTop(toolbar());
        StackPane mapStack = new StackPane(map);
        setCenter(mapStack);
        locateLine.setId("map-locate-line");
        locateLine.getStyleClass().add("map-status");
        proofLine.setId("map-proof-line");
        proofLine.getStyleClass().add("map-status");
        proofLine.managedProperty().bind(proofLine.textProperty().isNotEmpty());
        coverageLine.setId("map-coverage-line");
        coverageLine.getStyleClass().add("map-status");
        coverageLine.textProperty().bind(coverage.summaryProperty());
        coverageLine.managedProperty().bind(coverageLine.textProperty().isNotEmpty());
        HBox status = new HBox(18, locateLine, proofLine, coverageLine);
        status.setPadding(new Insets(3, 10, 3, 10));
        setBottom(status);

        map.selectedProperty().addListener((o, was, now) -> onSelected(now));
        // A caller who can only say "near the bridge": the officer finds it on the map and starts the case there.
        MenuItem newCaseHere = new MenuItem(text.get("map.newCaseHere"));
        newCaseHere.setId("map-new-case-here");
        ContextMenu mapMenu = new ContextMenu(newCaseHere);
        map.setOnContextMenuRequested(e -> {
            GeoPoint at = map.geoAt(e.getX(), e.getY());
            newCaseHere.setOnAction(a -> onNewCaseAt.accept(at));
            mapMenu.show(map, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        map.lastClickProperty().addListener((o, was, now) -> {
            if (now != null) {
                locate(now);
            }
        });
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                        search::requestFocus);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F9), this::openTrackReplay);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F9, KeyCombination.SHIFT_DOWN),
                        () -> coverage.shownProperty().set(!coverage.shownProperty().get()));
            }
        });
    }

    public GridMapView map() {
        return map;
    }

    /** What "New case here" (the map's right-click menu) hands the clicked point to: the hotline form. */
    public void setOnNewCaseAt(java.util.function.Consumer<GeoPoint> handler) {
        onNewCaseAt = handler == null ? p -> { } : handler;
    }

    public SearchBox searchBox() {
        return search;
    }

    /** Switches the cordon tool on (the plan step "draw cordon"), so the officer's next clicks draw it. */
    public void startCordon() {
        if (cordonButton != null) {
            cordonButton.setSelected(true);
        }
    }

    /** The cordon the officer drew last, or null. */
    public ReadOnlyObjectProperty<Polygon> cordonProperty() {
        return cordon.cordonProperty();
    }

    /** The "case density (this month)" layer (layers menu). */
    public org.gridcommand.ui.stats.CaseDensityLayer caseDensityLayer() {
        return caseDensity;
    }

    /** The "patrol coverage (this shift)" layer (Shift+F9 or the layers menu). */
    public CoverageLayer coverageLayer() {
        return coverage;
    }

    /**
     * Opens track replay (F9) in its own window, with the selected worker, or the selected grid's workers,
     * already chosen.
     */
    public TrackReplayView openTrackReplay() {
        List<String> chosen = List.of();
        MapFeature selected = map.selectedProperty().get();
        if (selected instanceof MapFeature.WorkerFeature w) {
            chosen = List.of(w.worker().id());
        } else if (selected instanceof MapFeature.GridFeature g) {
            chosen = context.district().workersOf(g.grid().code()).stream().map(x -> x.id()).toList();
        }
        javafx.scene.Scene scene = getScene();
        return TrackReplayView.open(context, chosen, scene == null ? null : scene.getWindow(),
                scene == null ? List.of() : scene.getStylesheets(), ui);
    }

    public void setCases(List<Case> cases) {
        map.setCases(cases);
    }

    /** Flies to a case and selects it (the queue's "open on map"). */
    public void showCase(Case c) {
        if (c.location() == null) {
            return;
        }
        map.flyTo(c.location(), POINT_METRES_PER_PIXEL);
        map.selectedProperty().set(new MapFeature.CaseFeature(c));
        locate(c.location());
    }

    /** Shows a grid file's defects as a layer and says how many there are. */
    public void showProofReport(ProofReport report) {
        List<OverlayShape> shapes = report.defects().stream().filter(Defect::hasPlace)
                .map(d -> new OverlayShape(d.where(), OverlayStyle.DEFECT, d.kind().name())).toList();
        map.setOverlay(DEFECTS, shapes);
        proofLine.setText(text.format("map.proof.summary", report.bigGrids(), report.smallGrids(), report.defects().size()));
    }

    private HBox toolbar() {
        MenuButton layers = new MenuButton(text.get("map.layers"));
        layers.setId("map-layers");
        for (MapLayerKind kind : MapLayerKind.values()) {
            if (kind == MapLayerKind.SELECTION) {
                continue;
            }
            CheckMenuItem item = new CheckMenuItem(text.get("map.layer." + kind.name()));
            item.setId("map-layer-" + kind.name());
            item.selectedProperty().bindBidirectional(map.layerVisibleProperty(kind));
            layers.getItems().add(item);
        }
        CheckMenuItem coverageItem = new CheckMenuItem(text.get("map.layer.coverage"));
        coverageItem.setId("map-layer-coverage");
        coverageItem.selectedProperty().bindBidirectional(coverage.shownProperty());
        layers.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), coverageItem, caseDensity.menuItem());
        ToggleGroup tools = new ToggleGroup();
        ToggleButton measureButton = new ToggleButton(text.get("map.tool.measure"));
        measureButton.setId("map-tool-measure");
        measureButton.setTooltip(new Tooltip(text.get("map.tool.measure.hint")));
        cordonButton = new ToggleButton(text.get("map.tool.cordon"));
        cordonButton.setId("map-tool-cordon");
        cordonButton.setTooltip(new Tooltip(text.get("map.tool.cordon.hint")));
        measureButton.setToggleGroup(tools);
        cordonButton.setToggleGroup(tools);
        tools.selectedToggleProperty().addListener((o, was, now) -> {
            measure.clear();
            cordon.clear();
            map.setTool(now == measureButton ? measure : now == cordonButton ? cordon : null);
            if (now != null) {
                map.requestFocus();
            }
        });
        Button proof = new Button(text.get("map.proof.open"));
        proof.setId("map-proof-open");
        proof.setOnAction(e -> chooseGridFile());
        Button replay = new Button(text.get("map.trackReplay"));
        replay.setId("map-track-replay");
        replay.setTooltip(new Tooltip(text.get("map.trackReplay.hint")));
        replay.setOnAction(e -> openTrackReplay());
        Button fit = new Button(text.get("map.fit"));
        fit.setId("map-fit");
        fit.setOnAction(e -> map.fitDistrict());
        // Buttons keep their full words; the search box gives up width first.
        for (javafx.scene.control.Control c : List.of(layers, measureButton, cordonButton, proof, replay, fit)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        search.setMinWidth(120);
        HBox.setHgrow(search, Priority.SOMETIMES);
        HBox bar = new HBox(8, search, layers, measureButton, cordonButton, proof, replay, fit);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("map-toolbar");
        return bar;
    }

    private void goTo(SearchHit hit) {
        if (hit.extent() != null) {
            map.zoomTo(hit.extent());
        } else {
            map.flyTo(hit.focus(), POINT_METRES_PER_PIXEL);
        }
        switch (hit.kind()) {
            case SMALL_GRID -> context.district().smallGrid(new org.gridcommand.grid.UnitGridCode(hit.id()))
                    .ifPresent(g -> map.selectedProperty().set(new MapFeature.GridFeature(g)));
            case CAMERA -> context.cameras().stream().filter(c -> c.id().equals(hit.id())).findFirst()
                    .ifPresent(c -> map.selectedProperty().set(new MapFeature.CameraFeature(c)));
            case WORKER -> context.district().gridWorkers().stream().filter(w -> w.id().equals(hit.id())).findFirst()
                    .ifPresent(w -> map.selectedProperty().set(new MapFeature.WorkerFeature(w)));
            default -> {
                // Big grids, grid heads and cases: the flight is the answer; the queue owns case selection.
            }
        }
        locate(hit.focus());
    }

    private void onSelected(MapFeature feature) {
        if (feature instanceof MapFeature.GridFeature grid) {
            ui.background(() -> context.gridSummaries().summarise(grid.grid().code()).orElseThrow(),
                    summary -> {
                        sidePanel.show(summary);
                        setRight(sidePanel);
                    }, error -> hideSidePanel());
        } else if (feature instanceof MapFeature.CameraFeature camera) {
            Camera c = camera.camera();
            locateLine.setText(text.format("map.camera.line", c.name().in(locale), c.id(),
                    Math.round(c.headingDeg()), Math.round(c.fovDeg()), Math.round(c.rangeMetres())));
        } else if (feature == null) {
            hideSidePanel();
        }
    }

    private void hideSidePanel() {
        setRight(null);
    }

    /** Answers a click with the grid, its head and the workers on duty (the store is read off the FX thread). */
    private void locate(GeoPoint point) {
        ui.background(() -> context.locateService().locate(point.lon(), point.lat(), Datum.WGS84),
                this::showAnswer, error -> locateLine.setText(String.valueOf(error.getMessage())));
    }

    private void showAnswer(LocationAnswer answer) {
        String where = String.format(Locale.ROOT, "%.6f, %.6f", answer.point().lon(), answer.point().lat());
        if (!answer.isInside()) {
            locateLine.setText(text.format("map.locate.outside", where,
                    answer.nearestGrid() == null ? "" : answer.nearestGrid().name().in(locale),
                    Math.round(answer.distanceMetres())));
            return;
        }
        String head = answer.gridHead() == null ? "—" : answer.gridHead().name().in(locale);
        locateLine.setText(text.format("map.locate.inside", where, answer.smallGrid().name().in(locale),
                answer.smallGrid().code().value(), head, answer.onDuty().size()));
    }

    private void chooseGridFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.get("map.proof.open"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("GeoJSON / CSV", "*.geojson", "*.json", "*.csv"));
        File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            checkGridFile(file.toPath(), Datum.WGS84);
        }
    }

    /** Proves a grid file in the background and shows its defects on the map. */
    public void checkGridFile(Path file, Datum datum) {
        proofLine.setText(text.format("map.proof.running", file.getFileName()));
        ui.background(() -> GridProof.validate(GridFileReader.read(file, datum)), this::showProofReport,
                error -> proofLine.setText(text.format("map.proof.failed", file.getFileName(), error.getMessage())));
    }

    /** Every legend text in the console's language: symbols, priorities and resource kinds. */
    private void setLegendTexts(Messages text) {
        MapLegendTexts.apply(map, text);
    }
}
