package org.gridcommand.store;

/** A store operation failed; the message names the operation so the status bar can say what was lost. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
