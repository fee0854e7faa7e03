package org.gridcommand.ui.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.ui.queue.QueueTestSupport.waitUntil;

import javafx.stage.Stage;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Tag;
import org.testfx.framework.junit5.Start;
import org.gridcommand.cap.CapExporter;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.Ulid;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * P in the queue exports the selected case as a CAP 1.2 alert file: the file the officer chose (here handed
 * in instead of the native dialog) is written, parses, is valid against the OASIS schema, has status Actual
 * and names the case; a voided case is refused without asking for a file.
 */
@Tag("ui")
class CapExportShortcutTest extends ConsoleQueueTestBase {
    private static final Operator OFFICER = new Operator("Qian Hua", Role.DUTY_OFFICER);
    private static Case voided;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @TempDir
    Path out;

    @BeforeAll
    static void openDemoStore() throws Exception {
        openSeat("gc-cap-export", OFFICER);
        QueueTestSupport.Spot spot = QueueTestSupport.quietSpot(context, "02");
        // Reported today (the queue shows open cases and today's): the seat's clock stands in the afternoon.
        Instant reported = context.clock().instant().minusSeconds(60);
        voided = Case.builder().id(Ulid.next()).channel(Channel.HOTLINE).categoryCode("0201").location(spot.point())
                .smallGridCode(spot.grid().code().value()).description("prank call").priority(Priority.NORMAL)
                .state(CaseState.VOIDED).stateReason("prank").reportedAt(reported).voidedAt(reported)
                .closedAt(reported).build();
        context.database().cases().insertAll(List.of(voided));
    }

    @Override
    protected Operator officer() {
        return OFFICER;
    }

    @Start
    void start(Stage stage) {
        startConsole(stage);
    }

    @Test
    void pExportsTheSelectedCaseAsAnActualCap12Alert(FxRobot robot) throws Exception {
        CaseQueueViewModel model = queue.model();
        waitUntil("the queue has loaded", () -> model.loadedProperty().get());
        Case c = model.visibleRows().stream().map(CaseRow::source)
                .filter(x -> x.isOpen() && x.location() != null).findFirst().orElseThrow();
        Path target = out.resolve("alert.xml");
        queue.setCapTargetChooser(chosen -> {
            asked.add(chosen.id());
            return target;
        });
        select(robot, c.id());
        Button button = robot.lookup("#verb-EXPORT_CAP").queryAs(Button.class);
        assertThat(button.isVisible()).as("the detail pane offers the export").isTrue();
        assertThat(button.getText()).isEqualTo("P · Export CAP");

        robot.type(KeyCode.P);
        Label message = robot.lookup("#queue-message").queryAs(Label.class);
        waitUntil("the export reports where it went", () -> message.getText().contains("saved"));
        assertThat(asked).containsExactly(c.id());
        assertThat(message.getText()).startsWith("✓ CAP 1.2 alert (Actual) saved: ")
                .endsWith(target.toAbsolutePath().toString());
        assertThat(target).exists();
        assertThat(Files.list(out)).as("no temporary file left beside it").containsExactly(target);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(target.toFile());
        Element alert = doc.getDocumentElement();
        assertThat(alert.getLocalName()).isEqualTo("alert");
        assertThat(alert.getNamespaceURI()).isEqualTo("urn:oasis:names:tc:emergency:cap:1.2")
                .isEqualTo(CapExporter.NAMESPACE);
        assertThat(text(alert, "status")).isEqualTo("Actual");
        assertThat(text(alert, "msgType")).isEqualTo("Alert");
        assertThat(text(alert, "identifier")).contains(c.id());
        assertThat(text(alert, "incidents")).isEqualTo(c.id());
        assertThat(text(alert, "sender")).isEqualTo("gridcommand@" + context.district().adminCode());
        URL xsd = getClass().getResource("/cap/CAP-v1.2.xsd");
        assertThat(xsd).isNotNull();
        SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        schemas.newSchema(xsd).newValidator().validate(new DOMSource(doc));
        assertThat(queue.table().isFocused()).as("focus back on the queue").isTrue();
    }

    @Test
    void aVoidedCaseIsNotExported(FxRobot robot) {
        CaseQueueViewModel model = queue.model();
        waitUntil("the queue has loaded", () -> model.loadedProperty().get());
        queue.setCapTargetChooser(chosen -> {
            asked.add(chosen.id());
            return out.resolve("voided.xml");
        });
        select(robot, voided.id());
        assertThat(robot.lookup("#verb-EXPORT_CAP").query().isVisible()).isFalse();

        robot.type(KeyCode.P);
        Label message = robot.lookup("#queue-message").queryAs(Label.class);
        waitUntil("the refusal shows", () -> message.getText().contains("voided"));
        assertThat(message.getText()).isEqualTo("✖ A voided case is not exported as an alert.");
        assertThat(asked).isEmpty();
        assertThat(out.resolve("voided.xml")).doesNotExist();
    }

    private void select(FxRobot robot, String id) {
        robot.interact(() -> {
            queue.model().selectCase(id);
            queue.table().requestFocus();
        });
        waitUntil("case " + id + " is selected", () -> {
            Case s = queue.model().selectedCaseProperty().get();
            return s != null && s.id().equals(id) && queue.table().isFocused();
        });
    }

    private static String text(Element parent, String name) {
        var nodes = parent.getElementsByTagNameNS(CapExporter.NAMESPACE, name);
        assertThat(nodes.getLength()).as(name).isGreaterThan(0);
        return nodes.item(0).getTextContent();
    }
}
