package org.gridcommand.feed.track;

/** How many seconds of track one second of wall-clock time plays. */
public enum ReplaySpeed {
    X1(1), X10(10), X60(60), X600(600);

    private final int factor;

    ReplaySpeed(int factor) {
        this.factor = factor;
    }

    public int factor() {
        return factor;
    }

    /** The next faster speed, or this one when it is the fastest. */
    public ReplaySpeed faster() {
        return this == values()[values().length - 1] ? this : values()[ordinal() + 1];
    }

    /** The next slower speed, or this one when it is the slowest. */
    public ReplaySpeed slower() {
        return this == values()[0] ? this : values()[ordinal() - 1];
    }
}
