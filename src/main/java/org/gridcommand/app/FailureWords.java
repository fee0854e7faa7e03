package org.gridcommand.app;

import org.gridcommand.common.Messages;
import org.gridcommand.store.StoreException;

/**
 * A failure for the officer in the console's language (here, in the composition root, because only it may know the
 * store's diagnosis; views get these words, never the store): a store that is full, read-only, closed or out of reach
 * is named with its cause and place from the bundles ("本地数据库 … 所在的磁盘已满 …"); anything else keeps its
 * own message, which is already a sentence.
 */
public final class FailureWords {
    private FailureWords() {
    }

    public static String of(Messages text, Throwable failure) {
        return StoreException.in(failure).map(e -> e.sentence(text))
                .orElseGet(() -> failure.getMessage() != null ? failure.getMessage() : failure.toString());
    }

    /**
     * The failure in two or three words for a line read from across the room ("磁盘已满", "disk full"); the whole
     * sentence from {@link #of} when the store did not diagnose it.
     */
    public static String headline(Messages text, Throwable failure) {
        return StoreException.in(failure).map(e -> text.get("store.headline." + e.trouble().name()))
                .orElseGet(() -> of(text, failure));
    }

    /** True when the failure is the store being unavailable (retry later), not a fault worth a stack trace. */
    public static boolean isStoreUnavailable(Throwable failure) {
        return StoreException.in(failure).map(StoreException::isUnavailable).orElse(false);
    }
}
