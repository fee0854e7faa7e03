package org.gridcommand.ui.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.ui.queue.QueueTestSupport.waitUntil;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.gridcommand.app.AppContext;
import org.gridcommand.app.FieldFeed;
import org.gridcommand.common.Messages;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.feed.FeedBatch;
import org.gridcommand.feed.FeedDelivery;
import org.gridcommand.feed.FeedIngest;
import org.gridcommand.feed.FeedTopic;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.feed.QuarantineReason;
import org.gridcommand.feed.Quarantined;
import org.gridcommand.feed.SensorRegistry;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.testing.SwitchableFeedStore;
import org.gridcommand.ui.ConsoleLauncher;
import org.gridcommand.ui.ConsoleWindow;
import org.gridcommand.ui.queue.CaseQueueView;
import org.gridcommand.ui.queue.QueueTestSupport;
import org.gridcommand.video.VideoEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real console at 1920×1080 on the real demo store (H2), with a real field feed whose store can be switched to
 * fail as a full disk does: the status bar's feed line counts what is stored; when the store cannot write it turns
 * red with the store's sentence, since when and what waits, the alarm strip above the queue carries the notice and
 * the tone sounds once; when the store works again everything is stored, the strip goes and the line says when it
 * recovered; every word is on screen whole. F8 then shows the quarantine with an oversized payload (size, digest,
 * the kept prefix), a store-refused message and a hostile payload shown as escapes. Both languages.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class FeedHealthConsoleTest {
    /** 09:12:05 in the district: the clock stands still, so every time on screen is known. */
    private static final Instant NOW = Instant.parse("2026-03-02T01:12:05Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Operator OFFICER = new Operator("Zhou Qing", Role.DUTY_OFFICER);
    private static Path dir;

    private Stage stage;
    private AppContext context;
    private VideoEngine video;
    private ConsoleWindow window;
    private FieldFeed feed;
    private SwitchableFeedStore store;
    private final AtomicInteger tones = new AtomicInteger();

    /** The demo store is seeded once; each test opens it in its own language. */
    @BeforeAll
    static void seedDemoStore() throws Exception {
        dir = Files.createTempDirectory("gc-feed-health");
        AppContext.openDemo(dir, Locale.ENGLISH, CLOCK).close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeConsole() throws Exception {
        if (window != null) {
            WaitForAsyncUtils.asyncFx(() -> {
                window.dispose();
                stage.getScene().setRoot(new Pane());
            }).get();
        }
        if (feed != null) {
            feed.close();
        }
        if (video != null) {
            video.close();
        }
        if (context != null) {
            context.close();
        }
    }

    /** What the test expects to read, per language. */
    private record Words(Locale locale, String normal, String alert, String recovered, String noticeTitle,
                         String noticeStart,
                         String oversizedSize, String storeRefused, String truncated) {
    }

    @Test
    void inEnglish_storeFailureSimulated(FxRobot robot) throws Exception {
        run(robot, new Words(Locale.ENGLISH,
                "Field feed: demo simulation (no broker) · 5 stored · 0 quarantined · 0 waiting",
                "⚠ Field data NOT STORED: " + SwitchableFeedStore.WORDS + " · since 09:12:05 · 3 waiting",
                "Field feed: demo simulation (no broker) · 8 stored · 0 quarantined · 0 waiting · ✓ recovered at 09:12:05",
                "Field data NOT STORED since 09:12:05:", SwitchableFeedStore.WORDS + " · 3 messages waiting, ",
                "20 MiB · first 4 KiB kept", "refused by the store",
                "⚠ Only the first 4 KiB of 20 MiB was kept: the payload below is that prefix."));
    }

    @Test
    void inChinese_storeFailureSimulated(FxRobot robot) throws Exception {
        run(robot, new Words(Messages.ZH_CN,
                "现场数据：演示模拟（无消息服务器） · 已入库 5 · 隔离 0 · 待确认 0",
                "⚠ 现场数据未能存储：" + SwitchableFeedStore.WORDS + " · 自 09:12:05 · 待确认 3 条",
                "现场数据：演示模拟（无消息服务器） · 已入库 8 · 隔离 0 · 待确认 0 · ✓ 已于 09:12:05 恢复",
                "现场数据自 09:12:05 起未能存储：", SwitchableFeedStore.WORDS + " · 待确认 3 条，",
                "20 MiB · 仅存前 4 KiB", "数据库拒绝存储",
                "⚠ 仅保留了 20 MiB 中的前 4 KiB：下方显示的是这部分内容。"));
    }

    private void run(FxRobot robot, Words words) throws Exception {
        context = AppContext.openDemo(dir, words.locale(), CLOCK);
        context.duty().signOn(OFFICER);
        video = VideoEngine.start();
        store = new SwitchableFeedStore(context.database().feed());
        robot.interact(() -> {
            window = new ConsoleWindow(context, video, new javafx.beans.property.SimpleObjectProperty<>(OFFICER),
                    new javafx.beans.property.SimpleStringProperty("local store only"),
                    org.gridcommand.fx.UiExecutor.fx());
            Scene scene = new Scene(window.root(), 1920, 1080);
            scene.getStylesheets().add(ConsoleLauncher.stylesheet());
            stage.setScene(scene);
            stage.show();
            QueueTestSupport.queueView(scene).setAlertSound(() -> { });
            feed = FieldFeed.open(context, store, SensorRegistry.loadDemo(), FeedIngest.Settings.DEFAULT,
                    window::onFieldMessages);
            window.attachFeed(feed);
            window.feedStatus().setAlertSound(tones::incrementAndGet);
        });
        FeedStatusLink line = window.feedStatus();
        CaseQueueView queue = QueueTestSupport.queueView(stage.getScene());
        FeedTroubleNotice notice = (FeedTroubleNotice) queue.lookup("#feed-trouble");
        assertThat(notice).as("the alarm strip above the queue holds the feed's notice").isNotNull();

        // Storing: the line counts, in its normal look; no notice, no tone.
        // A worker of its own per language: the fixes of one run are never older than another's.
        GridWorker walker = context.district().gridWorkers().get(Locale.ENGLISH.equals(words.locale()) ? 7 : 8);
        String run = "ui-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            feed.offer(fix(walker, run + "-" + i, NOW.minusSeconds(20 - i)));
        }
        shows(robot, line, words.normal());
        assertThat(line.getStyleClass()).contains("feed-normal").doesNotContain("feed-alert");
        assertThat(notice.isVisible()).isFalse();

        // The store cannot write: red at once, in words, with the tone; the notice in the alarm strip.
        store.down.set(true);
        for (int i = 5; i < 8; i++) {
            feed.offer(fix(walker, run + "-" + i, NOW.minusSeconds(20 - i)));
        }
        shows(robot, line, words.alert());
        assertThat(line.getStyleClass()).contains("feed-alert");
        waitUntil("the alarm strip carries the notice", notice::isVisible);
        assertThat(notice.title()).isEqualTo(words.noticeTitle());
        assertThat(notice.text()).startsWith(words.noticeStart());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(notice.getHeight()).as("the notice is as tall as its words, never cut")
                .isGreaterThanOrEqualTo(notice.prefHeight(notice.getWidth()) - 0.5);
        assertThat(notice.localToScene(notice.getBoundsInLocal()).getMinY())
                .as("the notice is above the queue's table")
                .isLessThan(queue.table().localToScene(queue.table().getBoundsInLocal()).getMinY());
        assertThat(tones.get()).as("one tone when the line turned red").isEqualTo(1);
        robot.interact(line::refreshNow);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tones.get()).as("no second tone before the repeat").isEqualTo(1);

        // The store works again: everything is stored, the notice goes by itself, the line says when it recovered.
        store.down.set(false);
        shows(robot, line, words.recovered());
        assertThat(line.getStyleClass()).contains("feed-recovered").doesNotContain("feed-alert");
        assertThat(notice.isVisible()).isFalse();
        assertThat(context.database().feed().track(walker.id(), NOW.minusSeconds(60), NOW.plusSeconds(1)))
                .extracting(GpsFix::messageId).contains(run + "-0", run + "-7");

        // The quarantine (F8): an oversized payload through the feed, a hostile one, and one the store refused.
        byte[] huge = oversized(run);
        String hugeSha = sha256(huge);
        feed.offer(new FeedDelivery(topic(FeedTopic.Kind.GPS, walker.id()), huge, NOW, () -> { }));
        byte[] hostile = ("not json \u001B[2J \u202Eevil " + run).getBytes(StandardCharsets.UTF_8);
        byte[] hostileWithBadByte = Arrays.copyOf(hostile, hostile.length + 1);
        hostileWithBadByte[hostile.length] = (byte) 0xFF;
        feed.offer(new FeedDelivery(topic(FeedTopic.Kind.GPS, walker.id()), hostileWithBadByte, NOW, () -> { }));
        byte[] refused = fixJson(walker, run + "-1960", Instant.parse("1960-05-01T00:00:00Z"))
                .getBytes(StandardCharsets.UTF_8);
        context.database().feed().commit(new FeedBatch(List.of(), List.of(new Quarantined(
                topic(FeedTopic.Kind.GPS, walker.id()), refused, refused.length, sha256(refused), NOW,
                QuarantineReason.STORE_REFUSED, "gps " + run + "-1960: the store refused it twice (a fix before 1970)",
                walker.id(), run + "-1960"))));
        waitUntil("both offered messages are quarantined", () -> feed.stats().quarantined() == 2);

        robot.interact(() -> queue.table().requestFocus());
        robot.type(KeyCode.F8);
        @SuppressWarnings("unchecked")
        TableView<Quarantined> table = robot.lookup("#quarantine-table").queryAs(TableView.class);
        waitUntil("the quarantine is read", () -> table.getItems().size() >= 3);
        Quarantined big = row(table, q -> hugeSha.equals(q.payloadSha256()));
        Quarantined bad = row(table, q -> sha256(hostileWithBadByte).equals(q.payloadSha256()));
        Quarantined storeRefused = row(table, q -> (run + "-1960").equals(q.messageId()));

        robot.interact(() -> table.getSelectionModel().select(big));
        assertThat(cell(table, "quarantine-col-reason", big)).isEqualTo(
                Messages.forLocale(words.locale()).get("quarantine.reason.OVERSIZED"));
        assertThat(cell(table, "quarantine-col-sender", big)).isEqualTo(walker.id());
        assertThat(cell(table, "quarantine-col-size", big)).isEqualTo(words.oversizedSize());
        assertThat(cell(table, "quarantine-col-sha", big)).isEqualTo(hugeSha.substring(0, 12) + "…");
        assertThat(robot.lookup("#quarantine-sha").queryAs(TextField.class).getText()).isEqualTo(hugeSha);
        Label truncated = robot.lookup("#quarantine-truncated").queryAs(Label.class);
        assertThat(truncated.isVisible()).isTrue();
        assertThat(truncated.getText()).isEqualTo(words.truncated());
        assertThat(robot.lookup("#quarantine-size").queryAs(Label.class).getText()).contains("20 MiB")
                .contains("20,971,520");
        assertThat(robot.lookup("#quarantine-payload").queryAs(TextArea.class).getText())
                .startsWith("{\"v\":1,\"pad\":\"" + run).hasSizeLessThanOrEqualTo(Quarantined.KEPT_BYTES);

        robot.interact(() -> table.getSelectionModel().select(bad));
        String shownPayload = robot.lookup("#quarantine-payload").queryAs(TextArea.class).getText();
        assertThat(shownPayload).isEqualTo("not json \\x1B[2J \\u{202E}evil " + run + "\\xFF")
                .doesNotContain("\u202E").doesNotContain("\u001B");
        assertThat(truncated.isVisible()).isFalse();

        robot.interact(() -> table.getSelectionModel().select(storeRefused));
        assertThat(cell(table, "quarantine-col-reason", storeRefused)).isEqualTo(words.storeRefused());
        assertThat(robot.lookup("#quarantine-problem").queryAs(Label.class).getText())
                .isEqualTo(words.storeRefused() + " · gps " + run + "-1960: the store refused it twice (a fix before 1970)");

        Stage quarantine = (Stage) table.getScene().getWindow();
        robot.interact(table::requestFocus);
        robot.type(KeyCode.ESCAPE);
        waitUntil("Escape closes the quarantine", () -> !quarantine.isShowing());
    }

    /** Waits until the line reads {@code expected}, then checks it is on screen whole, not cut by the bar. */
    private static void shows(FxRobot robot, FeedStatusLink line, String expected) {
        try {
            waitUntil("the feed line reads: " + expected, () -> {
                robot.interact(line::refreshNow);
                return expected.equals(line.getText());
            });
        } catch (AssertionError e) {
            throw new AssertionError("the feed line reads \"" + line.getText() + "\", not \"" + expected + "\"", e);
        }
        assertShownWhole(line);
        // Whatever the line says, the clock, the officer on duty and a waiting handover stay whole beside it.
        Scene scene = line.getScene();
        assertShownWhole((Labeled) scene.lookup("#status-clock"));
        assertShownWhole((Labeled) scene.lookup("#status-operator"));
        Labeled handover = (Labeled) scene.lookup("#handover-waiting");
        if (handover.isVisible()) {
            assertShownWhole(handover);
        }
    }

    private static void assertShownWhole(Labeled labeled) {
        WaitForAsyncUtils.waitForFxEvents();
        Text shown = (Text) labeled.lookup(".text");
        assertThat(shown.getText()).as("the words on screen, not cut").isEqualTo(labeled.getText());
        Bounds bounds = labeled.localToScene(labeled.getBoundsInLocal());
        assertThat(bounds.getMaxX()).as("inside the window").isLessThanOrEqualTo(labeled.getScene().getWidth());
    }

    private static Quarantined row(TableView<Quarantined> table, java.util.function.Predicate<Quarantined> which) {
        return table.getItems().stream().filter(which).findFirst().orElseThrow(() -> new AssertionError(
                "no such row among " + table.getItems().size()));
    }

    private static String cell(TableView<Quarantined> table, String columnId, Quarantined row) {
        TableColumn<Quarantined, ?> column = table.getColumns().stream().filter(c -> columnId.equals(c.getId()))
                .findFirst().orElseThrow();
        return String.valueOf(column.getCellObservableValue(row).getValue());
    }

    private FeedDelivery fix(GridWorker w, String id, Instant at) {
        return new FeedDelivery(topic(FeedTopic.Kind.GPS, w.id()), fixJson(w, id, at).getBytes(StandardCharsets.UTF_8),
                NOW, () -> { });
    }

    private String fixJson(GridWorker w, String id, Instant at) {
        GeoPoint p = place(w);
        return String.format(Locale.ROOT, "{\"v\":1,\"id\":\"%s\",\"workerId\":\"%s\",\"at\":\"%s\",\"lon\":%.7f,"
                + "\"lat\":%.7f}", id, w.id(), at, p.lon(), p.lat());
    }

    /** Where the worker last was, so that no fix here is a jump. */
    private GeoPoint place(GridWorker w) {
        return context.database().feed().lastFix(w.id()).map(GpsFix::position).orElseGet(() -> {
            if (w.lastPosition() != null) {
                return w.lastPosition();
            }
            var inside = context.district().smallGrids().stream().filter(g -> g.code().equals(w.smallGrid()))
                    .findFirst().orElseThrow().area().getInteriorPoint();
            return new GeoPoint(inside.getX(), inside.getY());
        });
    }

    private String topic(FeedTopic.Kind kind, String sender) {
        return FeedTopic.of(context.district().adminCode(), kind, sender).topic();
    }

    /** 20 MiB that begin like a fix. */
    private static byte[] oversized(String run) {
        byte[] payload = new byte[20 * 1024 * 1024];
        Arrays.fill(payload, (byte) 'A');
        byte[] head = ("{\"v\":1,\"pad\":\"" + run).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, payload, 0, head.length);
        return payload;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
