package org.gridcommand.store;

import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridcommand.common.Messages;

/**
 * A store operation failed. The message is one line that names the operation and, when the store could tell
 * why, the cause and the place in plain words: "storing a feed batch of 500 message(s) failed: the disk holding
 * the local store /home/duty/.gridcommand/db is full (No space left on device): free space on that disk;
 * nothing stored before is lost". Code that sees only a RuntimeException (the feed) can show the message as it is.
 *
 * <p>{@link #trouble()} tells callers what to do: when {@link #isUnavailable()} the store could not be reached or
 * written (full disk, disk error, read-only, closed, server gone, busy) and the same work succeeds later
 * without change; otherwise the store refused this data or request, and trying it again fails the same way.
 */
public class StoreException extends RuntimeException {
    /** Why a store operation failed, as far as the store can tell. */
    public enum Trouble {
        /** The disk holding the store is full. */
        DISK_FULL,
        /** The store's disk, folder or file cannot be written (a read-only disk, a folder of someone else's). */
        NOT_WRITABLE,
        /** Reading or writing the store's file failed for another reason (a disk error). */
        IO_ERROR,
        /** The store is closed: the console is shutting down, or the database engine closed it after a failure. */
        CLOSED,
        /** Another GridCommand has the local store open. */
        IN_USE,
        /** The database server cannot be reached, or went away during the work. */
        SERVER_UNREACHABLE,
        /** The database was busy (a lock wait timed out, a deadlock, too many connections). */
        BUSY,
        /** The store refused this data or request (a constraint, a value, a bug): the same again fails again. */
        REFUSED;

        /** True when the same work may succeed later without change: the store, not the data, is the problem. */
        public boolean retryLater() {
            return this != REFUSED;
        }
    }

    private final Trouble trouble;
    private final String prefix;
    private final Place place;
    private final String detail;

    /** A failure the store found in the data or its own state; it counts as {@link Trouble#REFUSED}. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
        this.trouble = Trouble.REFUSED;
        this.prefix = null;
        this.place = null;
        this.detail = null;
    }

    /** A failure the store found in the data or its own state; it counts as {@link Trouble#REFUSED}. */
    public StoreException(String message) {
        this(message, null);
    }

    /**
     * A diagnosed failure: {@code prefix} says what failed ("writing meta x failed"), {@code place} is the
     * store's place phrase (see {@link #placeText}), {@code detail} the system's own words for the cause.
     */
    StoreException(String prefix, Trouble trouble, Place place, String detail, Throwable cause) {
        super(prefix + ": " + sentence(Messages.forLocale(Locale.ENGLISH), trouble, place, detail), cause);
        this.trouble = Objects.requireNonNull(trouble, "trouble");
        this.prefix = prefix;
        this.place = place;
        this.detail = detail;
    }

    /** Where a store lives, for the sentence: the local folder of an H2 store or a PostgreSQL server. */
    record Place(boolean local, String where) implements java.io.Serializable {
    }

    public Trouble trouble() {
        return trouble;
    }

    /** True when the store could not be reached or written: retry later. False: the store refused the work. */
    public boolean isUnavailable() {
        return trouble.retryLater();
    }

    /**
     * The cause in the officer's language, without the operation: "本地数据库 /x/db 所在的磁盘已满 …". A failure
     * the store did not diagnose has no translation: its message is returned as it is.
     */
    public String sentence(Messages text) {
        Objects.requireNonNull(text, "text");
        if (prefix == null) {
            return getMessage();
        }
        return sentence(text, trouble, place, detail);
    }

    /**
     * The first StoreException in {@code error}'s causes (a future or the feed may have wrapped it), if any:
     * callers that got a plain exception use it to tell an unavailable store from a refusal.
     */
    public static Optional<StoreException> in(Throwable error) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof StoreException s) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static String sentence(Messages text, Trouble trouble, Place place, String detail) {
        String where = text.format(place.local() ? "store.place.local" : "store.place.server", place.where());
        return text.format("store.trouble." + trouble.name(), where, detail == null || detail.isBlank() ? "-" : detail);
    }
}
