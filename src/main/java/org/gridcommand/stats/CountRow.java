package org.gridcommand.stats;

import org.gridcommand.common.BilingualName;

/**
 * Cases of one group (a grid, a category, a channel, a time bucket) in a period. reported counts every case
 * reported in the period; voided the cancelled ones among them; closed those closed by the moment the
 * figures were taken. code is null for the "no grid" row (a case outside the district or without a point);
 * parent is the big grid of a small grid or the major class of a minor one (null otherwise).
 */
public record CountRow(String code, BilingualName name, String parentCode, BilingualName parentName,
                       long reported, long voided, long closed) {
    /** Reported and not voided: the cases the indicators count. */
    public long valid() {
        return reported - voided;
    }

    /** Valid and not yet closed when the figures were taken. */
    public long open() {
        return reported - voided - closed;
    }
}
