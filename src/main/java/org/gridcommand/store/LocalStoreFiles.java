package org.gridcommand.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files of the local H2 store, and the care its schema migrations need. H2 commits each DDL statement by
 * itself, so a migration cut short (a full disk, a killed process) leaves a schema half old and half new that
 * no later start can migrate: measured, a first start on a 1 MB disk failed in V2, and every start after the
 * disk had room failed on "Duplicate column name REPORT_ID". So a new store whose first migration failed is
 * removed (nothing was in it yet), and an existing store is copied before it is migrated; the copy is put back
 * when the migration fails, or on the next start when the process died during it.
 *
 * <p>Opening is one at a time per folder (a lock file, and a monitor for threads of one JVM), so a second
 * console starting meanwhile never sees a copy that is still being used.
 */
final class LocalStoreFiles {
    /** The work done while the folder's opening lock is held; {@code unguarded} is why it is not, or null. */
    interface Opening<T> {
        T open(IOException unguarded);
    }

    private static final Map<Path, Object> OPENING_IN_THIS_JVM = new ConcurrentHashMap<>();

    final Path folder;
    final Path file;
    private final Path trace;
    private final Path copy;
    private final Path partialCopy;
    private final Path lockFile;

    LocalStoreFiles(Path base) {
        this.folder = base.getParent();
        String name = base.getFileName().toString();
        this.file = folder.resolve(name + ".mv.db");
        this.trace = folder.resolve(name + ".trace.db");
        this.copy = folder.resolve(name + ".mv.db.before-migration");
        this.partialCopy = folder.resolve(name + ".mv.db.before-migration.partial");
        this.lockFile = folder.resolve(name + ".opening.lock");
    }

    /**
     * Runs {@code opening} holding the folder's opening lock. A folder where the lock file cannot be made
     * (a read-only or full disk) is opened without it: {@code opening} is told why and must not migrate.
     */
    <T> T whileOpening(Opening<T> opening) {
        synchronized (OPENING_IN_THIS_JVM.computeIfAbsent(folder, f -> new Object())) {
            FileChannel channel;
            try {
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            } catch (IOException unguarded) {
                return opening.open(unguarded);
            }
            try (channel; FileLock ignored = channel.lock()) {
                return opening.open(null);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + lockFile, e);
            }
        }
    }

    boolean storeExists() {
        return Files.exists(file);
    }

    /** A copy left by a migration that did not finish (the process died): the store itself may be half-migrated. */
    boolean interruptedMigrationLeftACopy() {
        deleteQuietly(partialCopy); // an unfinished copy is never used
        return Files.exists(copy);
    }

    /** Copies the store (closed by the caller) beside itself; the copy gets its name only once it is whole. */
    void copyBeforeMigrating() {
        try {
            Files.copy(file, partialCopy, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel written = FileChannel.open(partialCopy, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            Files.move(partialCopy, copy, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(partialCopy);
            throw new UncheckedIOException("cannot copy " + file + " before migrating it", e);
        }
    }

    /** Puts the copy back in place of the store (closed by the caller). */
    void restoreCopy() {
        try {
            Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put " + copy + " back as " + file, e);
        }
    }

    void dropCopy() {
        deleteQuietly(copy);
    }

    /** Removes a store made by a first start that failed: nothing was stored in it. */
    void removeNewStore() {
        deleteQuietly(file);
        deleteQuietly(trace);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Left behind, it is found again on the next start.
        }
    }
}
