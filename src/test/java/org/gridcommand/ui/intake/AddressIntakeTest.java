package org.gridcommand.ui.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.ui.queue.QueueTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.gridcommand.address.AddressMatch;
import org.gridcommand.address.StandardAddress;
import org.gridcommand.app.AppContext;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.IntakeResult;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.GridHead;
import org.gridcommand.grid.LocationAnswer;
import org.gridcommand.testing.ManualClock;
import org.gridcommand.ui.shared.CaseTexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A caller located by what they say, on the demo store's shipped register: the address typed lists the register's
 * match first and takes it, the form names the grid, its head and who is on duty before anything is saved, and the
 * case keeps the standard address, its point and grid, and the caller's phone. No coordinates are typed.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class AddressIntakeTest {
    private static Path dataDir;
    private static AppContext context;
    private static CaseTexts texts;
    private StackPane root;

    @BeforeAll
    static void openDemoStore() throws Exception {
        dataDir = Files.createTempDirectory("gc-address-intake");
        context = AppContext.openDemo(dataDir, Locale.SIMPLIFIED_CHINESE, ManualClock.dutyAfternoon());
        context.duty().signOn(new Operator("赵敏", Role.DUTY_OFFICER));
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
            IntakeDialog dialog = new IntakeDialog(context.intake(),
                    new IntakePlaces(context.addresses(), context.locateService()), context.categories(), texts, root);
            dialog.setOnHidden(e -> result.complete(dialog.getResult()));
            dialog.show();
            holder[0] = dialog;
        });
        waitUntil("the form is shown", () -> holder[0].isShowing());
        return new Opened(holder[0], result);
    }

    @Test
    void anAddressTypedFindsTheRegistersEntryNamesItsGridAndPeopleAndTheCaseKeepsIt(FxRobot robot) throws Exception {
        Opened form = open(robot);
        robot.clickOn("#intake-category-search").write("井盖");
        robot.clickOn("#intake-address").write("金鼎路28号");

        ListView<?> list = robot.lookup("#intake-address-list").queryAs(ListView.class);
        AddressMatch top = (AddressMatch) list.getItems().get(0);
        assertThat(top.address().name()).isEqualTo("唐家湾镇金鼎路28号");
        StandardAddress chosen = form.dialog().form().chosenAddressProperty().get();
        assertThat(chosen).as("the best match is taken as the officer types").isEqualTo(top.address());
        LocationAnswer where = form.dialog().form().locationProperty().get();
        assertThat(where).isNotNull();
        assertThat(where.smallGrid().code().value()).isEqualTo(chosen.smallGrid());
        GridHead head = where.gridHead();
        String line = robot.lookup("#intake-location").queryAs(Label.class).getText();
        assertThat(line).contains(where.smallGrid().name().zh(), chosen.smallGrid(), "网格长 " + head.name().zh());
        assertThat(line).contains(where.onDuty().isEmpty() ? "本网格无人在岗"
                : "在岗：" + where.onDuty().get(0).name().zh());
        assertThat(robot.lookup("#intake-problem-address").queryAs(Label.class).getText()).isEmpty();

        // Down takes the next match; its grid shows at once. Up goes back.
        robot.type(KeyCode.DOWN);
        assertThat(form.dialog().form().chosenAddressProperty().get()).isEqualTo(((AddressMatch) list.getItems().get(1)).address());
        robot.type(KeyCode.UP);
        assertThat(form.dialog().form().chosenAddressProperty().get()).isEqualTo(chosen);

        robot.clickOn("#intake-reporter-contact").write("13812345678");
        robot.clickOn("#intake-description").write("井盖缺失，有行人险些踩空");
        robot.type(KeyCode.ENTER);
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);

        IntakeResult result = form.result().get(20, TimeUnit.SECONDS);
        Case created = result.aCase();
        assertThat(created.address()).isEqualTo("唐家湾镇金鼎路28号");
        assertThat(created.smallGridCode()).isEqualTo(chosen.smallGrid());
        assertThat(created.location().distanceMetres(chosen.point())).isLessThan(0.5);
        assertThat(created.reporterContact()).isEqualTo("13812345678");
    }

    @Test
    void pinyinInitialsFindTheSamePlaceAndAMapPointNamesItsNearestAddressButKeepsThePoint(FxRobot robot) {
        Opened form = open(robot);
        robot.clickOn("#intake-address").write("szsc");
        StandardAddress market = form.dialog().form().chosenAddressProperty().get();
        assertThat(market.name()).endsWith("上栅市场");

        GeoPoint beside = new GeoPoint(market.point().lon() + 0.0003, market.point().lat());
        robot.interact(() -> form.dialog().startAt(beside));
        assertThat(form.dialog().form().addressProperty().get()).isEqualTo(market.name());
        assertThat(Double.parseDouble(form.dialog().form().lonProperty().get())).as("the clicked point, not the market's")
                .isEqualTo(beside.lon(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(form.dialog().form().locationProperty().get().smallGrid().code().value()).isEqualTo(market.smallGrid());
        robot.interact(() -> form.dialog().close());
    }
}
