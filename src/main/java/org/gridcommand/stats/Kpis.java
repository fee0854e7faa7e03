package org.gridcommand.stats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gridcommand.sla.SlaStage;

/**
 * The governance indicators of a period, taken at {@code asOf} (the period's end, or now while it runs).
 * Every definition — numerator, denominator, what is left out — is in docs/statistics.md; the names below
 * are the keys of {@link #indicators()} and of the stats.kpi.* texts.
 *
 * @param stages        per SLA stage: on-time acceptance (ACCEPT), dispatch (DISPATCH), handling (HANDLE),
 *                      verification (VERIFY) and closing (CLOSE)
 * @param endToEnd      cases closed with every stage on time, against those closed or already late somewhere
 * @param rework        cases sent back to handling after a failed verification, among those fed back
 * @param closure       valid cases closed by asOf
 * @param foundActively valid cases from the active channels (patrol, video, sensors)
 * @param machineFound  valid cases from the machine channels (video analytics, sensors)
 * @param gridSelfHandled dispatched cases dispatched to a grid worker rather than a department
 * @param supervised    valid cases put under supervision (督办)
 * @param escalated     valid cases escalated
 * @param voidRate      reported cases voided (作废)
 * @param sensorAlarms  sensor alarms in the period: those stored, and sensor-channel cases without a stored alarm
 */
public record Kpis(StatsPeriod period, Instant asOf, long reported, long voided, long closed,
                   Map<SlaStage, StageTally> stages, StageTally endToEnd, Rate rework, Rate closure,
                   Rate foundActively, Rate machineFound, Rate gridSelfHandled, Rate supervised, Rate escalated,
                   Rate voidRate, long sensorAlarms) {
    public Kpis {
        stages = Collections.unmodifiableMap(new EnumMap<>(stages));
    }

    /** One indicator with its key (stats.kpi.KEY is its label). */
    public record Indicator(String key, Rate rate) {
    }

    public long valid() {
        return reported - voided;
    }

    public Rate onTime(SlaStage stage) {
        return stages.getOrDefault(stage, StageTally.EMPTY).rate();
    }

    /** Cases with at least one stage whose due time could not be computed (no working calendar for its year). */
    public long notAssessable() {
        return endToEnd.notAssessable();
    }

    /** Every rate in the order reports show them. */
    public List<Indicator> indicators() {
        List<Indicator> out = new ArrayList<>();
        out.add(new Indicator("onTimeAccept", onTime(SlaStage.ACCEPT)));
        out.add(new Indicator("onTimeDispatch", onTime(SlaStage.DISPATCH)));
        out.add(new Indicator("onTimeHandle", onTime(SlaStage.HANDLE)));
        out.add(new Indicator("onTimeVerify", onTime(SlaStage.VERIFY)));
        out.add(new Indicator("onTimeClose", onTime(SlaStage.CLOSE)));
        out.add(new Indicator("endToEnd", endToEnd.rate()));
        out.add(new Indicator("rework", rework));
        out.add(new Indicator("closure", closure));
        out.add(new Indicator("foundActively", foundActively));
        out.add(new Indicator("machineFound", machineFound));
        out.add(new Indicator("gridSelfHandled", gridSelfHandled));
        out.add(new Indicator("supervised", supervised));
        out.add(new Indicator("escalated", escalated));
        out.add(new Indicator("voidRate", voidRate));
        return out;
    }
}
