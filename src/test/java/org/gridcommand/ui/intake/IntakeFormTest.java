package org.gridcommand.ui.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.ui.queue.QueueTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.gridcommand.app.AppContext;
import org.gridcommand.cases.CaseReport;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.IntakeResult;
import org.gridcommand.cases.Priority;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.geo.Datum;
import org.gridcommand.testing.ManualClock;
import org.gridcommand.ui.shared.Choice;
import org.gridcommand.ui.queue.QueueTestSupport;
import org.gridcommand.ui.shared.CaseTexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The hotline form: every bad input named beside its field with OK disabled; a duplicate offers a merge. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class IntakeFormTest {
    private static Path dataDir;
    private static AppContext context;
    private static CaseTexts texts;
    private StackPane root;
    private IntakeDialog lastOpened;

    @BeforeAll
    static void openDemoStore() throws Exception {
        dataDir = Files.createTempDirectory("gc-intake-form");
        context = AppContext.openDemo(dataDir, Locale.ENGLISH, ManualClock.dutyAfternoon());
        context.duty().signOn(new Operator("Zhao Min", Role.DUTY_OFFICER));
        texts = new CaseTexts(context.messages(), context.categories(), context.district(), context.zone());
    }

    @AfterAll
    static void closeStore() {
        context.close();
    }

    @Start
    void start(Stage stage) {
        root = new StackPane();
        Scene scene = new Scene(root, 800, 600);
        scene.getStylesheets().add(org.gridcommand.ui.ConsoleWindow.class.getResource("console.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private record Opened(IntakeDialog dialog, CompletableFuture<IntakeResult> result) {
    }

    private Opened open(FxRobot robot) {
        CompletableFuture<IntakeResult> result = new CompletableFuture<>();
        IntakeDialog[] holder = new IntakeDialog[1];
        robot.interact(() -> {
            // A test that failed half-way leaves its form open; lookups must find this one only.
            if (lastOpened != null && lastOpened.isShowing()) {
                lastOpened.close();
            }
            IntakeDialog dialog = new IntakeDialog(context.intake(),
                    new IntakePlaces(context.addresses(), context.locateService()), context.categories(), texts, root);
            dialog.setOnHidden(e -> result.complete(dialog.getResult()));
            dialog.show();
            holder[0] = dialog;
            lastOpened = dialog;
        });
        waitUntil("the form is shown", () -> robot.lookup("#intake-category-search").tryQuery().isPresent());
        return new Opened(holder[0], result);
    }

    @Test
    void eachBadInputShowsItsMessageBesideItsFieldAndKeepsOkDisabled(FxRobot robot) throws Exception {
        Opened form = open(robot);
        Node ok = robot.lookup("#intake-ok").query();
        assertThat(form.dialog().getHeight()).as("fits a 900-pixel screen").isLessThanOrEqualTo(880);
        assertThat(ok.isDisabled()).isTrue();
        assertProblem(robot, "category", "intake-category-search", "Category: required");
        // No point yet is one sentence at the address, saying how to get one (nobody gives coordinates by phone).
        assertProblem(robot, "address", "intake-address",
                "Address: choose one from the register (Up/Down), click the map, or type coordinates");
        assertThat(robot.lookup("#intake-problem-lon").queryAs(Label.class).getText()).isEmpty();
        assertProblem(robot, "description", "intake-description", "Description: required");

        robot.clickOn("#intake-category-search").write("street light");
        assertThat(form.dialog().form().categoryProperty().get().code()).isEqualTo("0102");
        assertThat(form.dialog().form().priorityProperty().get()).as("the category's default").isEqualTo(Priority.NORMAL);
        robot.clickOn("#intake-lon").write("113.58");
        robot.clickOn("#intake-lat").write("22.36");
        robot.clickOn("#intake-description").write("Street light out");
        assertThat(ok.isDisabled()).isFalse();
        assertThat(problems(robot)).isEmpty();

        set(robot, "intake-lon", "113.5x");
        assertProblem(robot, "lon", "intake-lon", "Longitude: not a number");
        assertThat(ok.isDisabled()).isTrue();
        set(robot, "intake-lon", "113.58");
        assertThat(ok.isDisabled()).isFalse();

        set(robot, "intake-lat", "95");
        assertProblem(robot, "lat", "intake-lat", "Latitude: out of range (-90 to 90)");
        assertThat(ok.isDisabled()).isTrue();
        set(robot, "intake-lat", "22.36");

        set(robot, "intake-description", "x".repeat(2001));
        assertProblem(robot, "description", "intake-description", "Description: 2,001 characters; at most 2,000");
        assertThat(robot.lookup("#intake-description-count").queryAs(Label.class).getText()).contains("2,001");
        assertThat(ok.isDisabled()).isTrue();
        set(robot, "intake-description", "   ");
        assertProblem(robot, "description", "intake-description", "Description: required");
        set(robot, "intake-description", "Street light out");

        set(robot, "intake-address", "a".repeat(201));
        assertProblem(robot, "address", "intake-address", "Address: 201 characters; at most 200");
        assertThat(ok.isDisabled()).isTrue();
        set(robot, "intake-address", "Lane 12");

        set(robot, "intake-category-search", "no such category zzz");
        assertProblem(robot, "category", "intake-category-search", "Category: required");
        assertThat(ok.isDisabled()).isTrue();

        // Emergencies: class and level apply, and a level needs its class; the priority follows the category
        // until the officer picks one.
        set(robot, "intake-category-search", "residential fire");
        assertThat(form.dialog().form().priorityProperty().get()).isEqualTo(Priority.URGENT);
        ComboBox<?> eventClass = robot.lookup("#intake-event-class").queryAs(ComboBox.class);
        ComboBox<?> level = robot.lookup("#intake-level").queryAs(ComboBox.class);
        assertThat(eventClass.isDisabled()).isFalse();
        robot.interact(() -> selectValue(level, org.gridcommand.cases.EmergencyLevel.IV));
        assertProblem(robot, "eventClass", "intake-event-class", "Event class: required when a level is given");
        assertThat(ok.isDisabled()).isTrue();
        robot.interact(() -> selectValue(eventClass, org.gridcommand.cases.EmergencyClass.ACCIDENT_DISASTER));
        assertThat(ok.isDisabled()).isFalse();
        robot.interact(() -> selectValue(robot.lookup("#intake-priority").queryAs(ComboBox.class), Priority.HIGH));
        set(robot, "intake-category-search", "street light");
        assertThat(eventClass.isDisabled()).as("not an emergency category").isTrue();
        assertThat(form.dialog().form().eventClassProperty().get()).isNull();
        assertThat(form.dialog().form().priorityProperty().get()).as("the officer's choice stays").isEqualTo(Priority.HIGH);

        // A pasted "lon, lat" pair fills both fields.
        set(robot, "intake-lat", "");
        set(robot, "intake-lon", "113.57, 22.35");
        assertThat(form.dialog().form().lonProperty().get()).isEqualTo("113.57");
        assertThat(form.dialog().form().latProperty().get()).isEqualTo("22.35");

        long before = context.database().cases().count();
        robot.interact(() -> form.dialog().close());
        assertThat(form.result().get(10, TimeUnit.SECONDS)).isNull();
        assertThat(context.database().cases().count()).as("nothing stored on cancel").isEqualTo(before);
    }

    @Test
    void aDuplicateOffersToMergeIntoTheOpenCaseNearby(FxRobot robot) throws Exception {
        QueueTestSupport.Spot spot = QueueTestSupport.quietSpot(context, "02");
        IntakeResult first = context.intake().submit(CaseReport.builder().channel(Channel.GRID_WORKER)
                .categoryCode("0201").at(spot.point().lon(), spot.point().lat(), Datum.WGS84)
                .description("Rubbish piled at the corner").reportedBy("W0001").build());
        assertThat(first.outcome()).isEqualTo(IntakeResult.Outcome.CREATED);

        Opened form = open(robot);
        robot.clickOn("#intake-category-search").write("exposed rubbish");
        robot.clickOn("#intake-lon").write(Double.toString(spot.point().lon()));
        robot.clickOn("#intake-lat").write(Double.toString(spot.point().lat()));
        robot.clickOn("#intake-description").write("Caller says rubbish is piling up");
        robot.clickOn("#intake-ok");

        waitUntil("the duplicate question shows", () -> robot.lookup("#intake-duplicates").tryQuery()
                .map(Node::isVisible).orElse(false) && !robot.lookup("#intake-duplicates").queryAs(ListView.class)
                .getItems().isEmpty());
        ListView<?> choices = robot.lookup("#intake-duplicates").queryAs(ListView.class);
        String firstChoice = choices.getItems().get(0).toString();
        assertThat(firstChoice).startsWith("Merge into case " + first.aCase().number()).contains("Exposed rubbish")
                .contains(" m away");
        assertThat(choices.getItems()).extracting(Object::toString)
                .endsWith("Create anyway as a new case", "Back to the form");
        assertThat(choices.getSelectionModel().getSelectedIndex()).isZero();

        robot.clickOn("#intake-ok");
        IntakeResult result = form.result().get(20, TimeUnit.SECONDS);
        assertThat(result.outcome()).isEqualTo(IntakeResult.Outcome.MERGED);
        assertThat(result.aCase().id()).isEqualTo(first.aCase().id());
        assertThat(context.intake().mergedReports(first.aCase().id())).hasSize(1)
                .allSatisfy(m -> assertThat(m.report().channel()).isEqualTo(Channel.HOTLINE));
    }

    private static void selectValue(ComboBox<?> box, Object value) {
        @SuppressWarnings("unchecked")
        ComboBox<Choice<Object>> b = (ComboBox<Choice<Object>>) box;
        b.getItems().stream().filter(c -> value.equals(c.value())).findFirst().ifPresent(b::setValue);
    }

    private static void set(FxRobot robot, String id, String text) {
        TextInputControl field = robot.lookup("#" + id).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(text));
    }

    /** The problem is beside its field: same grid row, next column. */
    private static void assertProblem(FxRobot robot, String field, String controlId, String expected) {
        Label problem = robot.lookup("#intake-problem-" + field).queryAs(Label.class);
        assertThat(problem.getText()).contains(expected);
        Node control = robot.lookup("#" + controlId).query();
        assertThat(GridPane.getRowIndex(gridCell(problem))).as("beside " + controlId)
                .isEqualTo(GridPane.getRowIndex(gridCell(control)));
        assertThat(GridPane.getColumnIndex(gridCell(problem))).isGreaterThan(GridPane.getColumnIndex(gridCell(control)));
    }

    /** The node itself, or the box holding it, as placed in the form's grid. */
    private static Node gridCell(Node node) {
        Node n = node;
        while (n.getParent() != null && !(n.getParent() instanceof GridPane)) {
            n = n.getParent();
        }
        return n;
    }

    private static String problems(FxRobot robot) {
        StringBuilder sb = new StringBuilder();
        robot.lookup(".input-problem").queryAll().forEach(n -> {
            if (n instanceof Label l && !l.getText().isEmpty() && n.isVisible()) {
                sb.append(l.getId()).append('=').append(l.getText()).append(' ');
            }
        });
        return sb.toString();
    }
}
