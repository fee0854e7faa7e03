package org.gridcommand.ui.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.ui.queue.QueueTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.gridcommand.app.AppContext;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.gridcommand.sla.SlaView;
import org.gridcommand.testing.CurrentThreadUiExecutor;
import org.gridcommand.testing.ManualClock;
import org.gridcommand.ui.ConsoleWindow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The queue's filters and its default order, on the demo store's queue in a real window. The store's clock stands
 * on a weekday afternoon, so the day's cases are the same at any hour; the queue loads on the FX thread itself
 * (a current-thread executor), so a reload has been published when the action that asked for it returns.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class QueueFilterSortTest {
    private static Path dataDir;
    private static AppContext context;
    private CaseQueueViewModel model;
    private CaseQueueView view;

    @BeforeAll
    static void openDemoStore() throws Exception {
        dataDir = Files.createTempDirectory("gc-queue-filters");
        context = AppContext.openDemo(dataDir, Locale.ENGLISH, ManualClock.dutyAfternoon());
    }

    @AfterAll
    static void closeStore() {
        context.close();
    }

    @Start
    void start(Stage stage) {
        model = CaseQueueViewModel.forContext(context, new CurrentThreadUiExecutor());
        view = new CaseQueueView(model, context);
        view.setAlertSound(() -> { });
        Scene scene = new Scene(view, 1500, 800);
        scene.getStylesheets().add(ConsoleWindow.class.getResource("console.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        model.reload();
    }

    @BeforeEach
    void loaded() {
        assertThat(model.loadedProperty().get()).as("the queue has loaded in start").isTrue();
    }

    @Test
    void showsAllOfTodayByDefaultOpenFirstThenSlaUrgencyThenPriorityThenNewest(FxRobot robot) {
        List<CaseRow> rows = List.copyOf(view.table().getItems());
        assertThat(rows).hasSize(context.todaysQueue().size());
        assertThat(rows).extracting(CaseRow::id)
                .containsExactlyInAnyOrderElementsOf(context.todaysQueue().stream().map(Case::id).toList());
        for (int i = 1; i < rows.size(); i++) {
            CaseRow a = rows.get(i - 1);
            CaseRow b = rows.get(i);
            String pair = a.id() + " before " + b.id();
            assertThat(a.source().isOpen() || !b.source().isOpen()).as("open first: " + pair).isTrue();
            if (a.source().isOpen() != b.source().isOpen()) {
                continue;
            }
            int sla = java.util.Comparator.nullsLast(SlaView.MOST_URGENT_FIRST).compare(a.sla(), b.sla());
            assertThat(sla).as("SLA urgency: " + pair).isLessThanOrEqualTo(0);
            if (sla == 0) {
                int prio = a.source().priority().compareTo(b.source().priority());
                assertThat(prio).as("priority: " + pair).isLessThanOrEqualTo(0);
                if (prio == 0) {
                    assertThat(a.source().reportedAt()).as("newest first: " + pair)
                            .isAfterOrEqualTo(b.source().reportedAt());
                }
            }
        }
        assertThat(rows.get(0).source().isOpen()).isTrue();
        // The SLA cell says it in words and a mark, not in colour alone.
        assertThat(rows).allSatisfy(r -> assertThat(r.slaCell()).matches(
                "[◷⚠✖✓‖–] (\\d.* left|overdue \\d.*|met|met late|late by .*|no time limit|clock stopped.*|voided)"));
        assertThat(rows.stream().filter(r -> r.source().isOpen() && r.sla() != null).findFirst().orElseThrow().slaText())
                .matches("(\\d.* left|overdue \\d.*)");
    }

    @Test
    void eachFilterKeepsOnlyMatchingRows(FxRobot robot) {
        List<CaseRow> all = List.copyOf(model.rows());

        robot.interact(() -> model.stateFilterProperty().set(StateFilter.OPEN));
        assertThat(view.table().getItems()).isNotEmpty().allSatisfy(r -> assertThat(r.source().isOpen()).isTrue());
        assertThat(view.table().getItems()).hasSize((int) all.stream().filter(r -> r.source().isOpen()).count());
        assertThat(view.table().getItems()).hasSize(model.openCountProperty().get());

        robot.interact(() -> model.stateFilterProperty().set(StateFilter.of(CaseState.CLOSED)));
        assertThat(view.table().getItems()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.source().state()).isEqualTo(CaseState.CLOSED));

        robot.interact(() -> {
            model.stateFilterProperty().set(StateFilter.ALL_TODAY);
            model.priorityFilterProperty().set(Priority.URGENT);
        });
        assertThat(view.table().getItems()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.source().priority()).isEqualTo(Priority.URGENT));

        robot.interact(() -> {
            model.priorityFilterProperty().set(null);
            model.channelFilterProperty().set(Channel.HOTLINE);
        });
        assertThat(view.table().getItems()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.source().channel()).isEqualTo(Channel.HOTLINE));

        String major = all.get(0).majorCode();
        robot.interact(() -> {
            model.channelFilterProperty().set(null);
            model.majorFilterProperty().set(major);
        });
        assertThat(view.table().getItems()).hasSize((int) all.stream().filter(r -> r.majorCode().equals(major)).count())
                .allSatisfy(r -> assertThat(r.source().categoryCode()).startsWith(major));

        CaseRow inGrid = all.stream().filter(r -> r.source().smallGridCode() != null).findFirst().orElseThrow();
        robot.interact(() -> {
            model.majorFilterProperty().set(null);
            model.gridFilterProperty().set(inGrid.grid());
        });
        assertThat(view.table().getItems()).isNotEmpty().allSatisfy(r -> assertThat(r.grid()).contains(inGrid.grid()));
        robot.interact(() -> model.gridFilterProperty().set(inGrid.source().smallGridCode()));
        assertThat(view.table().getItems()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.source().smallGridCode()).isEqualTo(inGrid.source().smallGridCode()));

        CaseRow target = all.get(all.size() / 2);
        robot.interact(() -> {
            model.gridFilterProperty().set("");
            model.textFilterProperty().set(target.id().toLowerCase(Locale.ROOT));
        });
        assertThat(view.table().getItems()).extracting(CaseRow::id).containsExactly(target.id());

        robot.interact(() -> model.textFilterProperty().set("no such words zzzz"));
        assertThat(view.table().getItems()).isEmpty();

        robot.interact(model::clearFilters);
        assertThat(view.table().getItems()).hasSize(all.size());
    }

    @Test
    void theFiltersAreOnScreenAndTypingFiltersAsYouGo(FxRobot robot) {
        robot.clickOn("#queue-filter-text").write("zzzz-nothing");
        waitUntil("the text filter applies", () -> view.table().getItems().isEmpty());
        assertThat(model.textFilterProperty().get()).isEqualTo("zzzz-nothing");
        robot.interact(model::clearFilters);
        assertThat(view.table().getItems()).hasSize(model.rows().size());
        assertThat(robot.lookup("#queue-filter-state").tryQuery()).isPresent();
        assertThat(robot.lookup("#queue-filter-priority").tryQuery()).isPresent();
        assertThat(robot.lookup("#queue-filter-channel").tryQuery()).isPresent();
        assertThat(robot.lookup("#queue-filter-category").tryQuery()).isPresent();
        // One line of filters: the grid is found by the text filter, by its code as by its name.
        javafx.scene.Node bar = robot.lookup("#queue-filters").query();
        javafx.scene.Node state = robot.lookup("#queue-filter-state").query();
        assertThat(bar.getLayoutBounds().getHeight()).as("the filter bar is one line")
                .isLessThan(state.getLayoutBounds().getHeight() * 2);
        CaseRow inGrid = model.rows().stream().filter(r -> r.source().smallGridCode() != null).findFirst().orElseThrow();
        String code = inGrid.source().smallGridCode();
        robot.interact(() -> model.textFilterProperty().set(code));
        assertThat(view.table().getItems()).isNotEmpty().allSatisfy(r -> assertThat(r.source().smallGridCode())
                .isEqualTo(code));
        robot.interact(model::clearFilters);
    }

    @Test
    void aColumnSortGoesBeforeTheDefaultOrderAndClearingItRestoresIt(FxRobot robot) {
        TableView<CaseRow> table = view.table();
        @SuppressWarnings("unchecked")
        TableColumn<CaseRow, ?> priority = (TableColumn<CaseRow, ?>) table.getColumns().stream()
                .filter(c -> "col-priority".equals(c.getId())).findFirst().orElseThrow();
        List<String> defaultOrder = table.getItems().stream().map(CaseRow::id).toList();

        robot.interact(() -> {
            priority.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(priority));
        });
        List<CaseRow> byPriority = List.copyOf(table.getItems());
        for (int i = 1; i < byPriority.size(); i++) {
            assertThat(byPriority.get(i - 1).source().priority())
                    .isGreaterThanOrEqualTo(byPriority.get(i).source().priority());
        }
        robot.interact(() -> priority.setSortType(TableColumn.SortType.ASCENDING));
        assertThat(table.getItems().get(0).source().priority()).isEqualTo(Priority.URGENT);

        robot.interact(() -> table.getSortOrder().clear());
        assertThat(table.getItems().stream().map(CaseRow::id).toList()).isEqualTo(defaultOrder);
    }

    @Test
    void theSelectionStaysOnTheSameCaseAcrossReloadsSortsAndSlaRefreshes(FxRobot robot) {
        CaseRow pick = view.table().getItems().get(Math.min(5, view.table().getItems().size() - 1));
        robot.interact(() -> view.table().getSelectionModel().select(pick));
        assertThat(model.selectedCaseProperty().get().id()).isEqualTo(pick.id());

        long before = model.selectionRevisionProperty().get();
        robot.interact(model::reload);
        assertThat(model.selectionRevisionProperty().get()).as("the reload is published").isGreaterThan(before);
        assertThat(view.table().getSelectionModel().getSelectedItem().id()).isEqualTo(pick.id());
        assertThat(model.selectedCaseProperty().get().id()).isEqualTo(pick.id());

        long beforeSla = model.selectionRevisionProperty().get();
        robot.interact(model::refreshSla);
        assertThat(model.selectionRevisionProperty().get()).as("the SLA refresh is published").isGreaterThan(beforeSla);
        assertThat(view.table().getSelectionModel().getSelectedItem().id()).isEqualTo(pick.id());

        robot.interact(() -> view.table().getSortOrder().setAll(List.of(view.table().getColumns().get(2))));
        assertThat(view.table().getSelectionModel().getSelectedItem().id()).isEqualTo(pick.id());
        robot.interact(() -> view.table().getSortOrder().clear());

        // Filtered out, the case is not selected; back in view, it is again.
        robot.interact(() -> model.textFilterProperty().set("zzzz-nothing"));
        assertThat(model.selectedCaseProperty().get()).isNull();
        robot.interact(() -> model.textFilterProperty().set(""));
        assertThat(model.selectedCaseProperty().get().id()).isEqualTo(pick.id());
        assertThat(view.table().getSelectionModel().getSelectedItem().id()).isEqualTo(pick.id());
    }
}
