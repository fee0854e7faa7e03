package org.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.store.StoreException.Trouble;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The centre's PostgreSQL server goes away and comes back: the store says so in one sentence while it is gone
 * (unavailable, retry later) and the same Database works again on the next call once it is back. The server is
 * a real one of our own (initdb in a temporary folder, its own port), since the shared test server must not be
 * stopped under other tests.
 */
@Tag("pg")
class PostgresServerComesBackTest {
    @Test
    void aServerThatWentAwayAndCameBackServesTheNextCall() throws Exception {
        try (PrivateServer server = PrivateServer.start()) {
            String where = "127.0.0.1:" + server.port + "/postgres (schema gc_comes_back)";
            try (Database db = Database.open("jdbc:postgresql://127.0.0.1:" + server.port + "/postgres", "postgres",
                    null, "gc_comes_back", new ChangeBus())) {
                db.putMeta("before", "kept");

                server.stop();
                assertThatThrownBy(() -> db.putMeta("during", "not stored"))
                        .isInstanceOfSatisfying(StoreException.class, e -> {
                            assertThat(e.trouble()).isEqualTo(Trouble.SERVER_UNREACHABLE);
                            assertThat(e.isUnavailable()).as("retry later").isTrue();
                            assertThat(e.getMessage())
                                    .startsWith("writing meta during failed: the PostgreSQL server " + where
                                            + " cannot be reached (Connection to 127.0.0.1:" + server.port + " refused")
                                    .endsWith("): check the network and the server")
                                    .doesNotContain("\n");
                        });
                assertThatThrownBy(() -> db.meta("before")).isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.trouble()).isEqualTo(Trouble.SERVER_UNREACHABLE));

                server.startAgain();
                db.putMeta("after", "stored");
                assertThat(db.meta("before")).contains("kept");
                assertThat(db.meta("after")).contains("stored");
                assertThat(db.meta("during")).isEmpty();
            }
            server.stop();
            assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:" + server.port + "/postgres",
                    "postgres", null, "gc_comes_back", new ChangeBus()))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.trouble()).isEqualTo(Trouble.SERVER_UNREACHABLE);
                        assertThat(e.getMessage()).startsWith("cannot open PostgreSQL at " + where
                                + ": the PostgreSQL server " + where + " cannot be reached (");
                    });
        }
    }

    /** A PostgreSQL cluster of our own, run as the postgres user on a free port of the loopback address. */
    private static final class PrivateServer implements AutoCloseable {
        final int port;
        private final Path bin;
        private final Path dir;
        private boolean running;

        private PrivateServer(Path bin, Path dir, int port) {
            this.bin = bin;
            this.dir = dir;
            this.port = port;
        }

        static PrivateServer start() throws IOException {
            Path bin;
            try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
                bin = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(Path::toString))
                        .orElseThrow(() -> new AssertionError("no PostgreSQL server under /usr/lib/postgresql"));
            } catch (java.nio.file.NoSuchFileException e) {
                throw new AssertionError("this test needs the PostgreSQL server installed (/usr/lib/postgresql)", e);
            }
            Path dir = Files.createTempDirectory("gc-pg-comes-back");
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            PrivateServer server = new PrivateServer(bin, dir, port);
            run(List.of("chown", "postgres:", dir.toString()));
            server.asPostgres(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                    "-A", "trust", "--no-sync");
            server.startAgain();
            return server;
        }

        void startAgain() throws IOException {
            asPostgres(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                    "-l", dir.resolve("server.log").toString(), "-o",
                    "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
            running = true;
        }

        void stop() throws IOException {
            asPostgres(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                    "-m", "fast", "stop");
            running = false;
        }

        @Override
        public void close() throws IOException {
            try {
                if (running) {
                    stop();
                }
            } finally {
                TestStores.deleteTree(dir);
            }
        }

        private void asPostgres(String... command) throws IOException {
            List<String> line = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
            line.addAll(List.of(command));
            run(line);
        }

        private static void run(List<String> line) throws IOException {
            // Output to a file, not a pipe: the server started by pg_ctl would hold a pipe open for good.
            Path output = Files.createTempFile("gc-pg-command", ".txt");
            Process p = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            String said;
            try {
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    fail(String.join(" ", line) + " did not finish within two minutes");
                }
                said = Files.readString(output, StandardCharsets.UTF_8).strip();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted: " + String.join(" ", line), e);
            } finally {
                Files.deleteIfExists(output);
            }
            if (p.exitValue() != 0) {
                fail("this test runs its own PostgreSQL server as root (CI does): `" + String.join(" ", line)
                        + "` failed (exit " + p.exitValue() + "): " + said);
            }
        }
    }
}
