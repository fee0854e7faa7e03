package org.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.common.Messages;
import org.gridcommand.duty.AuditEntry;
import org.gridcommand.duty.Role;
import org.gridcommand.store.StoreException.Trouble;
import org.junit.jupiter.api.Test;

/**
 * The local H2 store on a real small disk (tmpfs) that fills up, is made read-only, or is too small to start on:
 * every failure is one sentence naming the cause and the folder, nothing acknowledged before is lost, and the
 * same Database writes again once the cause is gone, without the caller reopening it.
 */
class StoreOnFullDiskTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    /** Attempts while full: a write may still fit into room H2 freed inside its own file, so a few may pass. */
    private static final int MAX_ATTEMPTS_WHILE_FULL = 200;

    private static AuditEntry entry(int n) {
        return new AuditEntry(String.format("01AUDIT%019d", n), T0.plusSeconds(n), "张值班", Role.DUTY_OFFICER,
                "feed.burst", "subject-" + n, "x".repeat(200));
    }

    private static String fullDiskSentence(Path folder) {
        return "the disk holding the local store " + folder + " is full (No space left on device): "
                + "free space on that disk; nothing stored before is lost";
    }

    @Test
    void writesFailInOneSentenceWhileTheDiskIsFullAndTheSameStoreWritesAgainOnceSpaceIsFreed() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(16)) {
            Path data = disk.root().resolve("data");
            Path folder = data.resolve("db");
            Burst burst = new Burst();
            try (Database db = Database.openH2(data, new ChangeBus())) {
                for (int i = 0; i < 100; i++) {
                    burst.append(db);
                }
                // The console's views read while the feed writes: the pool keeps several connections, and each
                // would answer "The database has been closed" once after the engine closed itself.
                holdConnectionsAtOnce(db, 4);
                disk.fill();
                List<StoreException> failures = new ArrayList<>();
                failures.add(burst.appendUntilRefused(db, disk));
                disk.free();
                burst.append(db); // the same Database: the caller does not reopen anything

                disk.fill();
                failures.add(burst.appendUntilRefused(db, disk));
                failures.add(burst.appendUntilRefused(db, disk));
                for (StoreException failure : failures) {
                    assertThat(failure.getMessage())
                            .isEqualTo("appending audit entry feed.burst failed: " + fullDiskSentence(folder));
                    assertThat(failure.trouble()).isEqualTo(Trouble.DISK_FULL);
                    assertThat(failure.isUnavailable()).as("retry later").isTrue();
                }
                assertThat(failures.get(0).sentence(Messages.forLocale(Messages.ZH_CN))).isEqualTo(
                        "本地数据库 " + folder + " 所在的磁盘已满（No space left on device）：请清理该磁盘的空间；此前已保存的数据不会丢失");
                disk.free();
                burst.append(db);
                assertThat(db.audit().findRecent(Integer.MAX_VALUE))
                        .as("every acknowledged append, and none that failed")
                        .containsExactlyInAnyOrderElementsOf(burst.acknowledged);
            }
            try (Database reopened = Database.openH2(data, new ChangeBus())) {
                assertThat(reopened.audit().findRecent(Integer.MAX_VALUE))
                        .containsExactlyInAnyOrderElementsOf(burst.acknowledged);
            }
        }
    }

    /** Audit appends as a feed burst would make them, remembering which were acknowledged. */
    private static final class Burst {
        final List<AuditEntry> acknowledged = new ArrayList<>();
        int next;

        void append(Database db) {
            AuditEntry e = entry(next++);
            db.audit().append(e);
            acknowledged.add(e);
        }

        /**
         * Appends until the full disk refuses one and returns that failure. A few may still pass: H2 writes into
         * room it freed inside its own file, and drops its torn last chunk when it opens the file again, so the
         * filler takes back whatever a failed attempt gave back before each attempt.
         */
        StoreException appendUntilRefused(Database db, SmallDisk disk) throws java.io.IOException {
            for (int attempt = 0; attempt < MAX_ATTEMPTS_WHILE_FULL; attempt++) {
                disk.fill();
                AuditEntry e = entry(next++);
                StoreException failure = catchThrowableOfType(() -> db.audit().append(e), StoreException.class);
                if (failure != null) {
                    return failure;
                }
                acknowledged.add(e);
            }
            throw new AssertionError(MAX_ATTEMPTS_WHILE_FULL + " appends all passed on a full disk");
        }
    }

    @Test
    void aFirstStartOnADiskTooSmallLeavesNoHalfMadeStoreAndStartsOnceThereIsRoom() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(1)) {
            Path data = disk.root().resolve("data");
            Path folder = data.resolve("db");
            assertThatThrownBy(() -> Database.openH2(data, new ChangeBus()))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.trouble()).isEqualTo(Trouble.DISK_FULL);
                        assertThat(e.getMessage()).isEqualTo("cannot open the local database at "
                                + folder.resolve("gridcommand") + ": " + fullDiskSentence(folder));
                    });
            // H2 commits each DDL statement by itself: a half-made schema left here would fail every later start.
            assertThat(folder.resolve("gridcommand.mv.db")).doesNotExist();

            disk.resize(64);
            try (Database db = Database.openH2(data, new ChangeBus())) {
                assertThat(db.isAtLatestMigration()).isTrue();
                assertThat(db.isEmpty()).isTrue();
            }
        }
    }

    @Test
    void anUpgradeWithoutRoomForItsSafetyCopyLeavesTheStoreAsItWasAndRunsOnceThereIsRoom() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(16)) {
            Path data = disk.root().resolve("data");
            Path folder = data.resolve("db");
            Files.createDirectories(folder);
            // A store of schema version 5, as an older console left it.
            org.flywaydb.core.Flyway.configure(getClass().getClassLoader())
                    .dataSource("jdbc:h2:file:" + folder.resolve("gridcommand"), "sa", "")
                    .locations("classpath:db/migration").target("5").load().migrate();
            disk.fill();
            assertThatThrownBy(() -> Database.openH2(data, new ChangeBus()))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.trouble()).isEqualTo(Trouble.DISK_FULL);
                        assertThat(e.getMessage()).isEqualTo("cannot open the local database at "
                                + folder.resolve("gridcommand") + ": " + fullDiskSentence(folder));
                    });
            try (java.util.stream.Stream<Path> files = Files.list(folder)) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .as("no copy, whole or partial, is left").noneMatch(n -> n.contains("before-migration"));
            }

            disk.free();
            try (Database db = Database.openH2(data, new ChangeBus())) {
                assertThat(db.isAtLatestMigration()).isTrue();
            }
        }
    }

    @Test
    void aStoreOnADiskMadeReadOnlySaysSoAndWritesAgainOnceTheDiskIsWritable() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(16)) {
            Path data = disk.root().resolve("data");
            Path folder = data.resolve("db");
            try (Database db = Database.openH2(data, new ChangeBus())) {
                db.putMeta("before", "kept");
            }
            disk.readOnly(true);
            try (Database db = Database.openH2(data, new ChangeBus())) {
                assertThat(db.meta("before")).contains("kept");
                assertThatThrownBy(() -> db.putMeta("during", "refused"))
                        .isInstanceOfSatisfying(StoreException.class, e -> {
                            assertThat(e.trouble()).isEqualTo(Trouble.NOT_WRITABLE);
                            assertThat(e.isUnavailable()).isTrue();
                            assertThat(e.getMessage()).isEqualTo("writing meta during failed: the local store " + folder
                                    + " cannot be written (the database is read only): make its disk and folder "
                                    + "writable; nothing stored before is lost");
                        });
                disk.readOnly(false);
                db.putMeta("after", "stored");
                assertThat(db.meta("after")).contains("stored");
            }
            Path elsewhere = disk.root().resolve("other");
            disk.readOnly(true);
            assertThatThrownBy(() -> Database.openH2(elsewhere, new ChangeBus()))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.trouble()).isEqualTo(Trouble.NOT_WRITABLE);
                        assertThat(e.getMessage()).isEqualTo("cannot create the database folder "
                                + elsewhere.resolve("db") + ": the local store " + elsewhere.resolve("db")
                                + " cannot be written (Read-only file system): make its disk and folder writable; "
                                + "nothing stored before is lost");
                    });
            disk.readOnly(false);
            assertThat(Files.exists(elsewhere)).isFalse();
        }
    }

    /**
     * Has {@code count} readers hold a connection at the same moment, so the pool keeps that many: each of them
     * would answer "The database has been closed" once after the engine closed itself on the full disk.
     */
    private static void holdConnectionsAtOnce(Database db, int count) throws Exception {
        CountDownLatch allIn = new CountDownLatch(count);
        ExecutorService readers = Executors.newFixedThreadPool(count);
        try {
            List<Future<Boolean>> reads = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                reads.add(readers.submit(() -> db.read("holding a connection", c -> {
                    allIn.countDown();
                    try {
                        return allIn.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                })));
            }
            for (Future<Boolean> read : reads) {
                assertThat(read.get(60, TimeUnit.SECONDS)).as("all readers held a connection at once").isTrue();
            }
        } finally {
            readers.shutdownNow();
        }
    }
}
