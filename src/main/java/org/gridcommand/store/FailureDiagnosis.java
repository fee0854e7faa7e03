package org.gridcommand.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridcommand.store.StoreException.Trouble;
import org.h2.api.ErrorCode;
import org.h2.mvstore.MVStoreException;

/**
 * Tells from a failure's causes why a store operation failed (see {@link Trouble}), in the system's own words.
 * H2 and the PostgreSQL driver wrap the cause deep: a full disk under H2 is an IOException inside an
 * MVStoreException inside a "General error" (50000), later an "database has been closed" (90098) that keeps
 * the same cause, and a failed JDBC batch hides it behind getNextException. So every cause and the first
 * few chained exceptions are looked at, bounded (a batch of 37,000 rows chains 37,000 exceptions).
 */
final class FailureDiagnosis {
    /** What was found: the trouble and the words for it ("No space left on device"). */
    record Finding(Trouble trouble, String detail) {
    }

    /**
     * True when the H2 engine behind the pool is likely broken (it closes itself on a write failure) or was
     * opened read-only: its pooled connections are dropped so the next call opens the file again.
     */
    static boolean suspectsH2Engine(Trouble trouble) {
        return trouble == Trouble.DISK_FULL || trouble == Trouble.NOT_WRITABLE || trouble == Trouble.IO_ERROR
                || trouble == Trouble.CLOSED;
    }

    /** Below this much usable space, a write failure on the store's disk is taken for a full disk. */
    static final long LOW_SPACE_BYTES = 16L * 1024 * 1024;
    private static final int MAX_LOOKED_AT = 64;
    private static final int MAX_CHAINED_PER_SQL_EXCEPTION = 3;

    private FailureDiagnosis() {
    }

    /** For an H2 store whose file lives in {@code folder} (its free space is asked when the words are unclear). */
    static Finding ofH2(Throwable error, Path folder) {
        List<Throwable> causes = causesOf(error);
        for (Throwable t : causes) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return new Finding(Trouble.IN_USE, null);
            }
        }
        IOException io = first(causes, IOException.class);
        if (io != null) {
            return new Finding(ioTrouble(io, folder), ioWords(io));
        }
        for (Throwable t : causes) {
            if (t instanceof SQLException sql) {
                switch (sql.getErrorCode()) {
                    case ErrorCode.DATABASE_IS_READ_ONLY:
                        return new Finding(Trouble.NOT_WRITABLE, "the database is read only");
                    case ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2, ErrorCode.FILE_CORRUPTED_1:
                        return new Finding(Trouble.IO_ERROR, firstLine(sql));
                    case ErrorCode.DATABASE_IS_CLOSED:
                        return new Finding(Trouble.CLOSED, "closed by the database engine after a failure");
                    case ErrorCode.LOCK_TIMEOUT_1, ErrorCode.DEADLOCK_1:
                        return new Finding(Trouble.BUSY, firstLine(sql));
                    default:
                        break;
                }
            }
        }
        MVStoreException engine = first(causes, MVStoreException.class);
        if (engine != null) {
            return new Finding(Trouble.IO_ERROR, firstLine(engine));
        }
        return new Finding(Trouble.REFUSED, refusal(error));
    }

    /** For a PostgreSQL store: the server's SQL states say it, and a broken socket means the server is gone. */
    static Finding ofPostgres(Throwable error) {
        List<Throwable> causes = causesOf(error);
        for (Throwable t : causes) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return new Finding(Trouble.SERVER_UNREACHABLE, firstLine(sql));
                }
                if (state.equals("53100")) {
                    return new Finding(Trouble.DISK_FULL, firstLine(sql));
                }
                if (state.startsWith("53") || state.equals("40001") || state.equals("40P01") || state.equals("55P03")) {
                    return new Finding(Trouble.BUSY, firstLine(sql));
                }
                if (state.equals("25006")) {
                    return new Finding(Trouble.NOT_WRITABLE, firstLine(sql));
                }
            }
        }
        IOException io = first(causes, IOException.class);
        if (io != null) {
            return new Finding(Trouble.SERVER_UNREACHABLE, ioWords(io));
        }
        return new Finding(Trouble.REFUSED, refusal(error));
    }

    /** For a file operation on the local store's folder (creating it, copying the file). */
    static Finding ofFile(IOException error, Path folder) {
        return new Finding(ioTrouble(error, folder), ioWords(error));
    }

    private static Trouble ioTrouble(IOException io, Path folder) {
        String words = String.valueOf(io.getMessage()).toLowerCase(Locale.ROOT);
        if (words.contains("no space left") || words.contains("disk quota exceeded") || words.contains("not enough space")) {
            return Trouble.DISK_FULL;
        }
        if (io instanceof AccessDeniedException || words.contains("read-only file system")
                || words.contains("permission denied") || words.contains("access is denied")) {
            return Trouble.NOT_WRITABLE;
        }
        // The words may be in the system's language: a disk with next to no room left is the likely cause.
        return lowOnSpace(folder) ? Trouble.DISK_FULL : Trouble.IO_ERROR;
    }

    private static boolean lowOnSpace(Path folder) {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    return Files.getFileStore(p).getUsableSpace() < LOW_SPACE_BYTES;
                } catch (IOException | SecurityException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /** "No space left on device" rather than "/long/path: No space left on device". */
    private static String ioWords(IOException io) {
        if (io instanceof FileSystemException fs) {
            if (fs.getReason() != null) {
                return fs.getReason();
            }
            if (io instanceof AccessDeniedException) {
                return "permission denied";
            }
        }
        return firstLine(io);
    }

    /** The database's words for a refusal, on one line, without the statement H2 appends. */
    private static String refusal(Throwable error) {
        SQLException sql = first(causesOf(error), SQLException.class);
        if (sql == null) {
            return firstLine(error);
        }
        String detail = firstLine(sql);
        SQLException next = sql.getNextException();
        if (next != null && next != sql) {
            String more = firstLine(next);
            if (!more.equals(detail)) {
                detail += " / " + more;
            }
        }
        return detail;
    }

    static String firstLine(Throwable t) {
        String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        String line = message.lines().findFirst().orElse("").strip();
        int statement = line.indexOf("; SQL statement:");
        if (statement >= 0) {
            line = line.substring(0, statement);
        }
        return line;
    }

    /** The error, its causes and chained SQL exceptions (with their causes), breadth first, bounded. */
    private static List<Throwable> causesOf(Throwable error) {
        List<Throwable> found = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Deque<Throwable> queue = new ArrayDeque<>();
        queue.add(error);
        while (!queue.isEmpty() && found.size() < MAX_LOOKED_AT) {
            Throwable t = queue.poll();
            if (t == null || seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            found.add(t);
            if (t.getCause() != null) {
                queue.add(t.getCause());
            }
            if (t instanceof SQLException sql) {
                SQLException next = sql.getNextException();
                for (int i = 0; next != null && i < MAX_CHAINED_PER_SQL_EXCEPTION; i++, next = next.getNextException()) {
                    queue.add(next);
                }
            }
        }
        return found;
    }

    private static <T extends Throwable> T first(List<Throwable> causes, Class<T> kind) {
        for (Throwable t : causes) {
            if (kind.isInstance(t)) {
                return kind.cast(t);
            }
        }
        return null;
    }
}
