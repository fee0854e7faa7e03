package org.gridcommand.ui.stats;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.gridcommand.app.AppContext;
import org.gridcommand.fx.UiExecutor;
import org.gridcommand.common.DurationWords;
import org.gridcommand.common.Messages;
import org.gridcommand.stats.CountRow;
import org.gridcommand.stats.Kpis;
import org.gridcommand.stats.Rate;
import org.gridcommand.stats.ResponseTime;
import org.gridcommand.stats.SafetyIndex;
import org.gridcommand.stats.SafetyIndexRules;
import org.gridcommand.ui.stats.StatsDashboardViewModel.Choice;
import org.gridcommand.ui.stats.StatsDashboardViewModel.Figures;

/**
 * The statistics dashboard (Ctrl+Shift+D): period chooser, KPI tiles in large type (readable from three metres),
 * cases by major class, channel and day as charts, response-time percentiles and the period's safety index band.
 * Every figure comes from StatsService, computed off the FX thread by the model.
 */
public final class StatsDashboardView {
    /** The tiles shown, by Kpis indicator key (plus the counts); stats.kpi.KEY is each label. */
    static final List<String> TILES = List.of("reported", "valid", "closed", "onTimeAccept", "onTimeDispatch",
            "onTimeHandle", "onTimeClose", "rework", "foundActively", "sensorAlarms");

    private final StatsDashboardViewModel model;
    private final Messages text;
    private final Stage stage = new Stage();
    private final Label heading = new Label();
    private final FlowPane tiles = new FlowPane(12, 12);
    private final BarChart<String, Number> byCategory = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final PieChart byChannel = new PieChart();
    private final BarChart<String, Number> byDay = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final VBox responseTimes = new VBox(4);
    private final Label safety = new Label();

    private HBox bar;
    private MonthlyReportAction reportAction;

    public StatsDashboardView(StatsDashboardViewModel model, Messages text, javafx.stage.Window owner,
                              List<String> stylesheets) {
        this.model = model;
        this.text = text;
        ComboBox<Choice> choice = new ComboBox<>();
        choice.setId("statsdash-period");
        choice.getItems().setAll(Choice.values());
        choice.setCellFactory(l -> new ChoiceCell());
        choice.setButtonCell(new ChoiceCell());
        choice.valueProperty().bindBidirectional(model.choiceProperty());
        DatePicker from = new DatePicker();
        from.setId("statsdash-from");
        from.valueProperty().bindBidirectional(model.customFromProperty());
        DatePicker to = new DatePicker();
        to.setId("statsdash-to");
        to.valueProperty().bindBidirectional(model.customToProperty());
        from.disableProperty().bind(model.choiceProperty().isNotEqualTo(Choice.CUSTOM));
        to.disableProperty().bind(model.choiceProperty().isNotEqualTo(Choice.CUSTOM));
        Button apply = new Button(text.get("statsdash.apply"));
        apply.setId("statsdash-apply");
        apply.setOnAction(e -> model.refresh());
        choice.valueProperty().addListener((o, was, now) -> {
            if (now != Choice.CUSTOM) {
                model.refresh();
            }
        });
        Label status = new Label();
        status.setId("statsdash-status");
        status.textProperty().bind(model.statusProperty());
        HBox bar = new HBox(10, new Label(text.get("statsdash.period")), choice, new Label(text.get("statsdash.from")),
                from, new Label(text.get("statsdash.to")), to, apply, status);
        this.bar = bar;
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        heading.setId("statsdash-heading");
        heading.setStyle("-fx-font-size: 30px; -fx-font-weight: bold;");
        tiles.setId("statsdash-tiles");
        byCategory.setId("statsdash-by-category");
        byCategory.setTitle(text.get("statsdash.chart.category"));
        byCategory.setLegendVisible(false);
        byCategory.setAnimated(false);
        byChannel.setId("statsdash-by-channel");
        byChannel.setTitle(text.get("statsdash.chart.channel"));
        byChannel.setAnimated(false);
        byDay.setId("statsdash-by-day");
        byDay.setTitle(text.get("statsdash.chart.time"));
        byDay.setLegendVisible(false);
        byDay.setAnimated(false);
        for (var chart : List.of(byCategory, byChannel, byDay)) {
            chart.setStyle("-fx-font-size: 16px;");
        }
        HBox charts = new HBox(10, byCategory, byChannel);
        HBox.setHgrow(byCategory, Priority.ALWAYS);
        HBox.setHgrow(byChannel, Priority.ALWAYS);
        responseTimes.setId("statsdash-response-times");
        responseTimes.setStyle("-fx-font-size: 20px;");
        safety.setId("statsdash-safety");
        safety.setStyle("-fx-font-size: 24px; -fx-font-weight: bold;");
        Label rtTitle = new Label(text.get("statsdash.responseTimes"));
        rtTitle.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        VBox content = new VBox(14, heading, tiles, safety, charts, byDay, rtTitle, responseTimes);
        content.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        VBox root = new VBox(8, bar, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.setPadding(new Insets(10));
        root.setId("statsdash-root");
        model.figuresProperty().addListener((o, was, now) -> show(now));
        Scene scene = new Scene(root, 1500, 950);
        scene.getStylesheets().addAll(stylesheets);
        // Read-only: Esc closes it and the keyboard goes back to the console, as with every secondary window.
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                e.consume();
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setTitle(text.get("statsdash.window.title"));
        if (owner != null) {
            stage.initOwner(owner);
        }
    }

    /** Opens the dashboard over the context's statistics and monthly report, this month first, computing on {@code ui}. FX thread. */
    public static StatsDashboardView open(AppContext context, Scene over, UiExecutor ui) {
        StatsDashboardViewModel model = new StatsDashboardViewModel(context.stats(), context.messages(),
                context.clock(), ui);
        StatsDashboardView view = new StatsDashboardView(model, context.messages(),
                over == null ? null : over.getWindow(), over == null ? List.of() : over.getStylesheets());
        view.addMonthlyReport(new MonthlyReportAction(context.monthlyReport(), context.messages(), context.clock(),
                context.zone(), ui));
        view.stage.show();
        model.refresh();
        return view;
    }

    public Stage stage() {
        return stage;
    }

    /** Adds "Monthly report…" to the dashboard's bar. */
    public void addMonthlyReport(MonthlyReportAction action) {
        this.reportAction = action;
        bar.getChildren().add(action.controls(stage));
    }

    /** The monthly report action, when the dashboard has one. */
    public MonthlyReportAction monthlyReport() {
        return reportAction;
    }

    public StatsDashboardViewModel model() {
        return model;
    }

    private void show(Figures f) {
        if (f == null) {
            return;
        }
        Locale locale = text.locale();
        Kpis k = f.kpis();
        heading.setText(text.format("statsdash.heading", f.stats().period().label(),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(k.asOf().atZone(f.stats().period().zone()))));
        tiles.getChildren().clear();
        for (String key : TILES) {
            tiles.getChildren().add(tile(key, tileValue(k, key)));
        }
        XYChart.Series<String, Number> categories = new XYChart.Series<>();
        for (CountRow r : f.byMajorCategory()) {
            categories.getData().add(new XYChart.Data<>(name(r, locale), r.valid()));
        }
        byCategory.getData().setAll(List.of(categories));
        byChannel.getData().clear();
        for (CountRow r : f.byChannel()) {
            if (r.valid() > 0) {
                byChannel.getData().add(new PieChart.Data(text.get("channel." + r.code()) + " " + r.valid(), r.valid()));
            }
        }
        XYChart.Series<String, Number> days = new XYChart.Series<>();
        for (CountRow r : f.byDay()) {
            days.getData().add(new XYChart.Data<>(r.code() == null ? "" : r.code(), r.valid()));
        }
        byDay.getData().setAll(List.of(days));
        responseTimes.getChildren().clear();
        for (ResponseTime rt : f.responseTimes()) {
            StringBuilder ps = new StringBuilder();
            for (int i = 0; i < rt.values().size(); i++) {
                ps.append(i == 0 ? "" : " · ").append("p").append(format(rt.percentiles().get(i), "%.0f")).append(' ')
                        .append(DurationWords.of(rt.values().get(i), text));
            }
            Label line = new Label(text.format("statsdash.rt.line", text.get("stats.response." + rt.measure()),
                    rt.count(), rt.mean() == null ? Rate.NO_VALUE : DurationWords.of(rt.mean(), text), ps.toString()));
            line.setId("statsdash-rt-" + rt.measure());
            responseTimes.getChildren().add(line);
        }
        SafetyIndex.Report s = f.safety();
        if (s.days().isEmpty() || Double.isNaN(s.mean())) {
            safety.setText(text.get("statsdash.safety.none"));
            safety.setStyle("-fx-font-size: 24px; -fx-font-weight: bold;");
        } else {
            SafetyIndexRules.Band band = model.service().safetyRules().bandOf(s.mean());
            safety.setText(text.format("statsdash.safety", s.period().label(), format(s.mean(), "%.1f"),
                    band.name().in(locale), s.goodOrBetter().percent()));
            // The band's own colour as a left bar; its name is in the text, so colour is never the only signal.
            safety.setStyle("-fx-font-size: 24px; -fx-font-weight: bold; -fx-border-color: " + band.hex()
                    + "; -fx-border-width: 0 0 0 14; -fx-padding: 0 0 0 10;");
        }
    }

    static String tileValue(Kpis k, String key) {
        return switch (key) {
            case "reported" -> String.valueOf(k.reported());
            case "valid" -> String.valueOf(k.valid());
            case "closed" -> String.valueOf(k.closed());
            case "sensorAlarms" -> String.valueOf(k.sensorAlarms());
            default -> k.indicators().stream().filter(i -> i.key().equals(key)).findFirst()
                    .map(i -> i.rate().percent()).orElseThrow(() -> new IllegalArgumentException("no KPI " + key));
        };
    }

    private VBox tile(String key, String value) {
        Label v = new Label(value);
        v.setId("statsdash-kpi-" + key);
        v.setStyle("-fx-font-size: 40px; -fx-font-weight: bold;");
        Label name = new Label(text.get("stats.kpi." + key));
        name.setStyle("-fx-font-size: 18px;");
        name.setWrapText(true);
        VBox box = new VBox(2, v, name);
        box.setPadding(new Insets(10, 14, 10, 14));
        box.setPrefWidth(250);
        box.setStyle("-fx-border-color: #888; -fx-border-radius: 6; -fx-background-radius: 6;");
        return box;
    }

    private static String name(CountRow r, Locale locale) {
        return r.name() == null ? String.valueOf(r.code()) : r.name().in(locale);
    }

    private static String format(double v, String pattern) {
        return String.format(Locale.ROOT, pattern, v);
    }

    private final class ChoiceCell extends ListCell<Choice> {
        @Override
        protected void updateItem(Choice item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text.get("statsdash.period." + item.name()));
        }
    }
}
