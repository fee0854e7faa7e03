package org.gridcommand.evidence;

/**
 * A picture that cannot be evidence (empty, not a PNG, cut short, blank, too large); the message says why and
 * whose.
 */
public final class InvalidEvidence extends IllegalArgumentException {
    public InvalidEvidence(String message) {
        super(message);
    }

    public InvalidEvidence(String message, Throwable cause) {
        super(message, cause);
    }
}
