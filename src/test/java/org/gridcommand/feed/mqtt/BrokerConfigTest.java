package org.gridcommand.feed.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.gridcommand.app.SeatClientId;
import org.gridcommand.feed.FeedDelivery;
import org.gridcommand.feed.FeedTopic;
import org.gridcommand.feed.FeedTopic.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker configuration the project ships (packaging/mosquitto, docs/broker.md) on a real Mosquitto started by
 * the test: nobody connects without an account, a device publishes on its own topics only and reads nothing,
 * nobody takes the seat's session without the seat's password, oversized and retained messages are cut off at
 * the door, and the TLS listener works once its certificate is filled in. The seat is the console's own
 * transport ({@link MqttFeedSource}) where only its deliveries matter, and a plain paho client without automatic
 * reconnection where the question is whether the broker disconnected it.
 *
 * <p>A message that must never arrive is proved absent by ordering, not by waiting: the same client publishes it
 * and then an allowed marker, and the broker delivers one client's messages to a subscriber in order, so once
 * the marker is in, anything forbidden would have been in before it. That a device is sent nothing is read off
 * the wire ({@link WireSubscriber}): the broker's answer to a ping comes behind anything it had queued for it.
 */
@Tag("broker")
class BrokerConfigTest {
    private static final String DISTRICT = "440402";
    private static final String SEAT = "seat-07";
    private static final int REFUSED_NOT_AUTHORISED = MqttException.REASON_CODE_NOT_AUTHORIZED;
    private static final long WAIT_SECONDS = 10;

    @TempDir
    Path dir;
    private ShippedMosquitto broker;
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

    @AfterEach
    void stop() throws Exception {
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                // a client already gone: the broker goes next either way
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void anAnonymousClientIsRefusedAndSoIsAWrongPassword() throws Exception {
        start(null);
        BlockingQueue<FeedDelivery> seat = consoleSeat();

        assertRefused(() -> new MqttPublisher(broker.url(), "anyone", null, null, 10), "a client without an account");
        assertRefused(() -> new MqttPublisher(broker.url(), "W0007", "W0007", "not-the-password".toCharArray(), 10),
                "W0007 with a wrong password");
        assertRefused(() -> new MqttPublisher(broker.url(), "W0009", "W0009", "any".toCharArray(), 10),
                "an account that was never made");

        // The control: the device with its own password gets in, and its message reaches the seat.
        try (MqttPublisher w7 = device("W0007")) {
            w7.publish(topic(Kind.GPS, "W0007"), bytes("W0007 on its own topic"));
        }
        assertThat(receivedUntil(seat, "W0007 on its own topic")).isEmpty();
    }

    @Test
    void aDevicePublishesOnItsOwnTopicsOnlyAndReadsNothing() throws Exception {
        start(null);
        BlockingQueue<FeedDelivery> seat = consoleSeat();

        try (MqttPublisher w7 = device("W0007")) {
            // Another worker's topics, a sensor's, a kind the protocol does not have, another district's.
            for (String forbidden : List.of(topic(Kind.GPS, "W0008"), topic(Kind.REPORT, "W0008"),
                    topic(Kind.STATUS, "W0008"), topic(Kind.TRACK, "W0008"), topic(Kind.ALARM, "S0001"),
                    "gc/v1/" + DISTRICT + "/position/W0007", "gc/v1/" + DISTRICT + "/gps/W0007/extra",
                    "gc/v1/" + DISTRICT + "/gps", "gc/v1/" + DISTRICT + "/W0007")) {
                w7.publish(forbidden, bytes("forbidden " + forbidden));
            }
            for (Kind kind : List.of(Kind.REPORT, Kind.GPS, Kind.TRACK, Kind.STATUS)) {
                w7.publish(topic(kind, "W0007"), bytes("W0007 " + kind.level()));
            }
        }
        List<String> before = receivedUntil(seat, "W0007 status");
        assertThat(before).as("W0007's messages that reached the seat before its last own one")
                .containsExactly("W0007 report", "W0007 gps", "W0007 track")
                .noneMatch(text -> text.startsWith("forbidden"));

        try (MqttPublisher s1 = device("S0001")) {
            s1.publish(topic(Kind.GPS, "W0007"), bytes("forbidden S0001 as W0007"));
            s1.publish(topic(Kind.ALARM, "S0001"), bytes("S0001 alarm"));
        }
        assertThat(receivedUntil(seat, "S0001 alarm")).isEmpty();

        // Reading: Mosquitto grants a subscription and then delivers only what the account may read. A device may
        // read nothing; a second seat, subscribed the same way, is the control that the wire would show a message.
        try (WireSubscriber w8 = WireSubscriber.connect(broker.port(), "W0008", "W0008", broker.password("W0008"));
             WireSubscriber seat8 = WireSubscriber.connect(broker.port(), "seat-08", "seat-08", broker.password("seat-08"))) {
            w8.subscribe(FeedTopic.subscription(DISTRICT));
            w8.subscribe("#");
            seat8.subscribe(FeedTopic.subscription(DISTRICT));
            try (MqttPublisher w7 = device("W0007")) {
                w7.publish(topic(Kind.REPORT, "W0007"), bytes("W0007 report for the seats only"));
            }
            assertThat(receivedUntil(seat, "W0007 report for the seats only")).isEmpty();
            assertThat(seat8.topicsSentBeforePing()).containsExactly(topic(Kind.REPORT, "W0007"));
            assertThat(w8.topicsSentBeforePing()).as("what the broker sent device W0008").isEmpty();
        }
    }

    @Test
    void aClientWithTheSeatsClientIdButNotItsPasswordNeitherDisconnectsTheSeatNorTakesItsSession() throws Exception {
        start(null);
        // The console's own id, as a seat makes it; an attacker who learnt it tries everything but the password.
        String seatId = SeatClientId.load(Files.createDirectories(dir.resolve("seat-data"))).id();

        Observer seat = observer(seatId, SEAT, broker.password(SEAT), false);
        MqttClient thief = client(seatId);
        thief.connect(options("W0008", broker.password("W0008"), false));
        thief.disconnect();
        assertConnectRefused(seatId, options(SEAT, "not-the-password".toCharArray(), false), "the seat's user, wrong password");
        assertConnectRefused(seatId, options(null, null, false), "no account at all");
        try (MqttPublisher w7 = device("W0007")) {
            w7.publish(topic(Kind.GPS, "W0007"), bytes("after the attempts"));
        }
        assertThat(seat.receivedUntil("after the attempts")).isEmpty();
        assertThat(seat.lost.getCount()).as("the seat was not disconnected:\n%s", broker.log()).isEqualTo(1);
        assertThat(seat.client.isConnected()).isTrue();

        // While the seat is away its session keeps the messages; a client with the seat's id and a device's
        // account (resuming the session, or starting it clean) neither gets them nor wipes them.
        seat.client.disconnect();
        try (MqttPublisher w7 = device("W0007")) {
            for (int i = 1; i <= 3; i++) {
                w7.publish(topic(Kind.GPS, "W0007"), bytes("queued " + i));
            }
            assertThat(w7.flush(TimeUnit.SECONDS.toMillis(WAIT_SECONDS))).isTrue();
        }
        for (boolean clean : new boolean[] {false, true}) {
            MqttClient taker = client(seatId);
            taker.connect(options("W0008", broker.password("W0008"), clean));
            taker.subscribe(FeedTopic.subscription(DISTRICT), 1);
            taker.disconnect();
        }
        Observer back = observer(seatId, SEAT, broker.password(SEAT), false);
        assertThat(back.receivedUntil("queued 3")).as("the seat's session after the attempts")
                .containsExactly("queued 1", "queued 2");

        // The control: with the seat's own user and password, any client id takes the session and the seat is
        // disconnected, so the observation above would have seen a takeover.
        MqttClient withPassword = client("any-id");
        withPassword.connect(options(SEAT, broker.password(SEAT), false));
        assertThat(back.lost.await(WAIT_SECONDS, TimeUnit.SECONDS))
                .as("a second login with the seat's password disconnects the first:\n%s", broker.log()).isTrue();
    }

    @Test
    void oversizedAndRetainedMessagesAreCutOffAtTheDoor() throws Exception {
        start(null);
        BlockingQueue<FeedDelivery> seat = consoleSeat();

        // Above the protocol's 64 KiB but under the broker's limit: it reaches the console, which quarantines it.
        byte[] large = new byte[100 * 1024];
        byte[] oversized = new byte[200 * 1024];
        Observer w7 = observer("W0007", "W0007", broker.password("W0007"), true);
        w7.client.publish(topic(Kind.GPS, "W0007"), large, 1, false);
        assertThatThrownBy(() -> w7.client.publish(topic(Kind.GPS, "W0007"), oversized, 1, false))
                .as("publishing 200 KiB").isInstanceOf(MqttException.class);
        assertThat(w7.lost.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("W0007 disconnected for 200 KiB").isTrue();

        Observer w8 = observer("W0008", "W0008", broker.password("W0008"), true);
        assertThatThrownBy(() -> w8.client.publish(topic(Kind.GPS, "W0008"), bytes("retained"), 1, true))
                .as("publishing a retained message").isInstanceOf(MqttException.class);
        assertThat(w8.lost.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("W0008 disconnected for a retained message").isTrue();

        // Each account's next connection publishes a marker: what the broker took before comes before it.
        try (MqttPublisher again = device("W0007")) {
            again.publish(topic(Kind.GPS, "W0007"), bytes("W0007 after"));
        }
        List<FeedDelivery> beforeW7 = deliveriesUntil(seat, "W0007 after");
        assertThat(beforeW7).hasSize(1);
        assertThat(beforeW7.get(0).payload()).hasSize(large.length);
        try (MqttPublisher again = device("W0008")) {
            again.publish(topic(Kind.GPS, "W0008"), bytes("W0008 after"));
        }
        assertThat(receivedUntil(seat, "W0008 after")).isEmpty();
    }

    @Test
    void theShippedTlsListenerWorksOnceItsCertificateIsFilledInAndGuardsTheSeatsSessionToo() throws Exception {
        Path tls = Files.createDirectories(dir.resolve("tls"));
        makeCertificates(tls);
        start(tls);
        String seatId = SeatClientId.load(Files.createDirectories(dir.resolve("seat-data"))).id();
        Observer seat = observer(seatId, SEAT, broker.password(SEAT), false, broker.tlsUrl(), tls);

        MqttClient anonymous = tlsClient("anyone", tls);
        assertThatThrownBy(() -> anonymous.connect(tlsOptions(null, null, tls)))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(REFUSED_NOT_AUTHORISED));
        MqttClient thief = tlsClient(seatId, tls);
        thief.connect(tlsOptions("W0008", broker.password("W0008"), tls));
        thief.disconnect();

        MqttClient w7 = tlsClient("W0007", tls);
        w7.connect(tlsOptions("W0007", broker.password("W0007"), tls));
        w7.publish(topic(Kind.GPS, "W0008"), bytes("forbidden over TLS"), 1, false);
        w7.publish(topic(Kind.GPS, "W0007"), bytes("W0007 over TLS"), 1, false);
        assertThat(seat.receivedUntil("W0007 over TLS")).isEmpty();
        assertThat(seat.lost.getCount()).as("the seat on TLS was not disconnected:\n%s", broker.log()).isEqualTo(1);
    }

    // --- the broker and its clients ----------------------------------------------------------------------------

    private void start(Path tls) throws Exception {
        broker = ShippedMosquitto.start(dir, List.of(ShippedMosquitto.Account.device("W0007"),
                ShippedMosquitto.Account.device("W0008"), ShippedMosquitto.Account.device("S0001"),
                ShippedMosquitto.Account.seat(SEAT, DISTRICT), ShippedMosquitto.Account.seat("seat-08", DISTRICT)), tls);
    }

    /** The console's transport, logged in as the seat, acknowledging whatever arrives. */
    private BlockingQueue<FeedDelivery> consoleSeat() {
        BlockingQueue<FeedDelivery> deliveries = new LinkedBlockingQueue<>();
        MqttSettings settings = new MqttSettings(broker.url(), SeatClientId.load(null).id(), SEAT,
                broker.password(SEAT), FeedTopic.subscription(DISTRICT));
        MqttFeedSource source = new MqttFeedSource(settings, d -> {
            d.ack().run();
            deliveries.add(d);
        }, Clock.systemUTC());
        toClose.push(source);
        source.start();
        return deliveries;
    }

    private MqttPublisher device(String account) {
        MqttPublisher publisher = new MqttPublisher(broker.url(), account, account, broker.password(account), 10);
        toClose.push(publisher);
        return publisher;
    }

    private static void assertRefused(ThrowingRunnable connect, String who) {
        assertThatThrownBy(connect::run).as(who).isInstanceOfSatisfying(MqttFeedException.class,
                e -> assertThat(((MqttException) e.getCause()).getReasonCode()).as(who).isEqualTo(REFUSED_NOT_AUTHORISED));
    }

    private void assertConnectRefused(String clientId, MqttConnectOptions options, String who) throws Exception {
        MqttClient c = client(clientId);
        assertThatThrownBy(() -> c.connect(options)).as(who).isInstanceOfSatisfying(MqttException.class,
                e -> assertThat(e.getReasonCode()).as(who).isEqualTo(REFUSED_NOT_AUTHORISED));
    }

    private Observer observer(String clientId, String user, char[] password, boolean clean) throws Exception {
        return observer(clientId, user, password, clean, broker.url(), null);
    }

    /** A plain paho client that does not reconnect by itself, so a disconnect by the broker stays visible. */
    private Observer observer(String clientId, String user, char[] password, boolean clean, String url, Path tls)
            throws Exception {
        ScheduledExecutorService threads = PahoThreads.forClient(clientId);
        MqttClient c = new MqttClient(url, clientId, new MemoryPersistence(), threads);
        c.setTimeToWait(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        Observer o = new Observer(c);
        c.setCallback(o);
        toClose.push(() -> closeQuietly(c, threads));
        MqttConnectOptions options = tls == null ? options(user, password, clean) : tlsOptions(user, password, tls);
        options.setCleanSession(clean);
        c.connect(options);
        if (SEAT.equals(user)) {
            c.subscribe(FeedTopic.subscription(DISTRICT), 1);
        }
        return o;
    }

    private MqttClient client(String clientId) throws MqttException {
        ScheduledExecutorService threads = PahoThreads.forClient(clientId);
        MqttClient c = new MqttClient(broker.url(), clientId, new MemoryPersistence(), threads);
        toClose.push(() -> closeQuietly(c, threads));
        return c;
    }

    private MqttClient tlsClient(String clientId, Path tls) throws MqttException {
        ScheduledExecutorService threads = PahoThreads.forClient(clientId);
        MqttClient c = new MqttClient(broker.tlsUrl(), clientId, new MemoryPersistence(), threads);
        toClose.push(() -> closeQuietly(c, threads));
        return c;
    }

    private static MqttConnectOptions options(String user, char[] password, boolean clean) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(clean);
        o.setAutomaticReconnect(false);
        o.setConnectionTimeout((int) WAIT_SECONDS);
        if (user != null) {
            o.setUserName(user);
        }
        if (password != null) {
            o.setPassword(password);
        }
        return o;
    }

    private static MqttConnectOptions tlsOptions(String user, char[] password, Path tls) throws Exception {
        MqttConnectOptions o = options(user, password, true);
        o.setSocketFactory(trusting(tls.resolve("ca.pem")));
        return o;
    }

    /** TLS that trusts the test's own certificate authority only (the console itself uses the JVM's trust store). */
    private static SSLSocketFactory trusting(Path caPem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caPem)) {
            trust.setCertificateEntry("test-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    /** A test certificate authority and the broker's certificate for localhost, made with openssl. */
    private static void makeCertificates(Path tls) throws Exception {
        if (ShippedMosquitto.find("openssl") == null) {
            throw new AssertionError("openssl is not installed; this test makes the broker's TLS certificate with it "
                    + "(apt-get install openssl)");
        }
        Files.writeString(tls.resolve("san.cnf"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        run(tls, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca-key.pem", "-out", "ca.pem",
                "-days", "2", "-subj", "/CN=GridCommand test CA");
        run(tls, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "broker-key.pem", "-out", "broker.csr",
                "-subj", "/CN=localhost");
        run(tls, "openssl", "x509", "-req", "-in", "broker.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem",
                "-CAcreateserial", "-out", "broker.pem", "-days", "2", "-extfile", "san.cnf");
        Files.writeString(tls.resolve("broker-fullchain.pem"),
                Files.readString(tls.resolve("broker.pem")) + Files.readString(tls.resolve("ca.pem")));
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
        }
    }

    private static void closeQuietly(MqttClient c, ScheduledExecutorService threads) {
        try {
            if (c.isConnected()) {
                c.disconnectForcibly(1_000);
            }
            c.close(true);
        } catch (MqttException e) {
            // closing after the test: nothing to tell
        } finally {
            threads.shutdownNow();
        }
    }

    // --- waiting for messages ----------------------------------------------------------------------------------

    /** The payloads that arrived before {@code marker}, which must arrive within the deadline. */
    private List<String> receivedUntil(BlockingQueue<FeedDelivery> seat, String marker) throws InterruptedException {
        return deliveriesUntil(seat, marker).stream().map(d -> new String(d.payload(), StandardCharsets.UTF_8)).toList();
    }

    private List<FeedDelivery> deliveriesUntil(BlockingQueue<FeedDelivery> seat, String marker) throws InterruptedException {
        List<FeedDelivery> before = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            FeedDelivery d = seat.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (d == null) {
                throw new AssertionError("'" + marker + "' did not reach the seat within " + WAIT_SECONDS + " s; before it: "
                        + before.size() + " messages. Broker log:\n" + broker.log());
            }
            if (new String(d.payload(), StandardCharsets.UTF_8).equals(marker)) {
                return before;
            }
            before.add(d);
        }
    }

    private static String topic(Kind kind, String sender) {
        return FeedTopic.of(DISTRICT, kind, sender).topic();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** What a plain paho client saw: messages in arrival order, and whether the broker dropped the connection. */
    private final class Observer implements MqttCallback {
        final MqttClient client;
        final BlockingQueue<FeedDelivery> received = new LinkedBlockingQueue<>();
        final CountDownLatch lost = new CountDownLatch(1);

        Observer(MqttClient client) {
            this.client = client;
        }

        List<String> receivedUntil(String marker) throws InterruptedException {
            try {
                return BrokerConfigTest.this.receivedUntil(received, marker);
            } catch (AssertionError e) {
                throw lost.getCount() == 0 ? new AssertionError("the broker disconnected " + client.getClientId()
                        + ", so " + e.getMessage(), e) : e;
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            lost.countDown();
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.add(new FeedDelivery(topic, message.getPayload(), java.time.Instant.EPOCH, () -> { }));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // nothing to do for a publisher in these tests
        }
    }
}
