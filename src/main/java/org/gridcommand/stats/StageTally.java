package org.gridcommand.stats;

/**
 * How the cases of a period stood on one SLA stage: decided (on time or late) and not (pending, never
 * reached, not assessable). The on-time rate is on time / (on time + late).
 */
public record StageTally(long onTime, long late, long pending, long notReached, long notAssessable) {
    public static final StageTally EMPTY = new StageTally(0, 0, 0, 0, 0);

    public Rate rate() {
        return new Rate(onTime, onTime + late);
    }

    static StageTally of(long[] counts) {
        return new StageTally(counts[StageOutcome.ON_TIME.ordinal()], counts[StageOutcome.LATE.ordinal()],
                counts[StageOutcome.PENDING.ordinal()], counts[StageOutcome.NOT_REACHED.ordinal()],
                counts[StageOutcome.NOT_ASSESSABLE.ordinal()]);
    }
}
