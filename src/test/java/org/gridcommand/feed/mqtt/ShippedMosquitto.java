package org.gridcommand.feed.mqtt;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real Mosquitto started from the configuration the project ships (packaging/mosquitto): the files are copied
 * to a folder of the test's own and only what must differ on a test machine is rewritten (the paths, the port,
 * and the user the broker runs as, so that a test run as root does not hand the broker to the mosquitto user,
 * who cannot read the test's folder). Accounts are made with the shipped add-account.sh. Stopped on close.
 */
final class ShippedMosquitto implements AutoCloseable {
    static final Path SHIPPED = Path.of(System.getProperty("basedir", ".")).resolve("packaging/mosquitto");
    /** The convention of the shipped file: "#setting value" (no space) is a setting to switch on. */
    private static final Pattern SWITCHED_OFF_SETTING = Pattern.compile("^#(?=[a-z_]+ )", Pattern.MULTILINE);

    private final Process process;
    private final Path dir;
    private final int port;
    private final int tlsPort;
    private final Map<String, char[]> passwords;
    /** Stops the broker if the test JVM ends without closing it (a test run cut short). */
    private final Thread stopAtExit;

    private ShippedMosquitto(Process process, Path dir, int port, int tlsPort, Map<String, char[]> passwords) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.tlsPort = tlsPort;
        this.passwords = passwords;
        this.stopAtExit = new Thread(process::destroyForcibly, "stop-test-mosquitto");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** One account to make before the broker starts: a "device" (no district) or a "seat" (with one). */
    record Account(String kind, String name, String district) {
        static Account device(String id) {
            return new Account("device", id, null);
        }

        static Account seat(String name, String district) {
            return new Account("seat", name, district);
        }
    }

    /** The shipped configuration with its plain listener only, as shipped. */
    static ShippedMosquitto start(Path dir, List<Account> accounts) throws Exception {
        return start(dir, accounts, null);
    }

    /**
     * With {@code tls} (a folder holding broker-fullchain.pem and broker-key.pem): the shipped TLS listener
     * switched on as a centre would, by removing the "#" of its lines, and pointed at those files.
     */
    static ShippedMosquitto start(Path dir, List<Account> accounts, Path tls) throws Exception {
        String binary = mosquittoBinary();
        Files.copy(SHIPPED.resolve("acl"), dir.resolve("acl"));
        Map<String, char[]> passwords = new LinkedHashMap<>();
        for (Account a : accounts) {
            passwords.put(a.name(), addAccount(dir, a));
        }
        int port = freePort();
        int tlsPort = tls == null ? -1 : freePort();
        String conf = Files.readString(SHIPPED.resolve("mosquitto.conf"));
        if (tls != null) {
            conf = SWITCHED_OFF_SETTING.matcher(conf).replaceAll("");
            conf = rewrite(conf, "listener 8883", "listener " + tlsPort);
            conf = rewrite(conf, "certfile /etc/mosquitto/certs/broker-fullchain.pem",
                    "certfile " + tls.resolve("broker-fullchain.pem"));
            conf = rewrite(conf, "keyfile /etc/mosquitto/certs/broker-key.pem", "keyfile " + tls.resolve("broker-key.pem"));
        }
        conf = rewrite(conf, "password_file /etc/mosquitto/passwd", "password_file " + dir.resolve("passwd"));
        conf = rewrite(conf, "acl_file /etc/mosquitto/acl", "acl_file " + dir.resolve("acl"));
        Files.createDirectories(dir.resolve("data"));
        conf = rewrite(conf, "persistence_location /var/lib/mosquitto/", "persistence_location " + dir.resolve("data") + "/");
        conf = rewrite(conf, "log_dest file /var/log/mosquitto/mosquitto.log", "log_dest file " + dir.resolve("mosquitto.log"));
        conf = rewrite(conf, "pid_file /run/mosquitto/mosquitto.pid", "pid_file " + dir.resolve("mosquitto.pid"));
        conf = rewrite(conf, "listener 1883 127.0.0.1", "listener " + port + " 127.0.0.1");
        conf += "\nuser " + System.getProperty("user.name") + "\n";
        Path confFile = Files.writeString(dir.resolve("mosquitto.conf"), conf);

        Process process = new ProcessBuilder(binary, "-c", confFile.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        ShippedMosquitto broker = new ShippedMosquitto(process, dir, port, tlsPort, passwords);
        try {
            broker.awaitListening(port);
            if (tls != null) {
                broker.awaitListening(tlsPort);
            }
            return broker;
        } catch (Exception | AssertionError e) {
            broker.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    String tlsUrl() {
        if (tlsPort < 0) {
            throw new IllegalStateException("started without TLS");
        }
        return "ssl://localhost:" + tlsPort;
    }

    char[] password(String account) {
        char[] p = passwords.get(account);
        if (p == null) {
            throw new IllegalArgumentException("no account " + account + " was made for this broker");
        }
        return p.clone();
    }

    /** The broker's own log, for assertions and for failure messages. */
    String log() {
        try {
            Path log = dir.resolve("mosquitto.log");
            String stdout = Files.readString(dir.resolve("stdout.txt"));
            return (Files.exists(log) ? Files.readString(log) : "") + stdout;
        } catch (IOException e) {
            return "(the broker's log cannot be read: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // the JVM is already shutting down: the hook stops the broker
        }
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private void awaitListening(int listenerPort) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("mosquitto with the shipped configuration exited at once:\n" + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", listenerPort), 200);
                return;
            } catch (IOException notYet) {
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
        }
        throw new AssertionError("mosquitto did not listen on port " + listenerPort + " within 10 s:\n" + log());
    }

    /** Runs the shipped add-account.sh on the copied files and returns the password it made. */
    private static char[] addAccount(Path dir, Account account) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SHIPPED.resolve("add-account.sh").toString(),
                "--passwd", dir.resolve("passwd").toString(), "--acl", dir.resolve("acl").toString(),
                account.kind(), account.name()));
        if (account.district() != null) {
            command.add(account.district());
        }
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("add-account.sh " + account.kind() + " " + account.name() + " failed: " + err);
        }
        String[] line = out.strip().split("\t");
        if (line.length != 2 || !line[0].equals(account.name()) || line[1].length() < 20) {
            throw new AssertionError("add-account.sh printed '" + out + "', not the account and its password");
        }
        return line[1].toCharArray();
    }

    private static String rewrite(String conf, String shippedLine, String testLine) {
        Pattern line = Pattern.compile("^" + Pattern.quote(shippedLine) + "$", Pattern.MULTILINE);
        if (!line.matcher(conf).find()) {
            throw new AssertionError("the shipped mosquitto.conf has no line '" + shippedLine
                    + "', which this test rewrites for a test machine: update the test with the file");
        }
        return line.matcher(conf).replaceAll(java.util.regex.Matcher.quoteReplacement(testLine));
    }

    private static String mosquittoBinary() {
        Path broker = find("mosquitto", "/usr/sbin", "/usr/local/sbin");
        if (broker == null || find("mosquitto_passwd") == null) {
            throw new AssertionError("mosquitto (with mosquitto_passwd) is not installed: this test runs the shipped "
                    + "broker configuration on a real Mosquitto. Install it: apt-get install mosquitto mosquitto-clients "
                    + "(.ci/run and ./gridcommand test do)");
        }
        return broker.toString();
    }

    /** The tool in one of the given folders or on the PATH; null when nowhere. */
    static Path find(String tool, String... folders) {
        List<String> places = new ArrayList<>(List.of(folders));
        places.addAll(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        for (String place : places) {
            if (!place.isEmpty() && Files.isExecutable(Path.of(place, tool))) {
                return Path.of(place, tool);
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
