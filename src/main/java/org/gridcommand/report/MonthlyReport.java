package org.gridcommand.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * The figures of one monthly report (月报), this month beside the previous one, already formatted: the PDF and the
 * HTML writers print these same strings, so the two variants cannot disagree. Every figure is defined in
 * docs/statistics.md and docs/safety-index.md; this record only carries them.
 *
 * @param partial    the month is still running: figures are taken at {@code asOf}, not at the month's end
 * @param summary    the opening paragraph in words, in Chinese and in English
 * @param dailyValid valid cases per day of the month (the daily chart)
 */
public record MonthlyReport(YearMonth month, String districtName, ZoneId zone, Instant asOf, boolean partial,
                            Instant generatedAt, Summary summary, List<Figure> headline, List<Figure> kpis, List<Share> majorCategories,
                            List<Share> channels, ActiveShare foundActively, List<Ranking> rankings,
                            List<ResponseLine> responseTimes, List<Double> percentiles, Safety safety,
                            List<Long> dailyValid) {
    public MonthlyReport {
        headline = List.copyOf(headline);
        kpis = List.copyOf(kpis);
        majorCategories = List.copyOf(majorCategories);
        channels = List.copyOf(channels);
        rankings = List.copyOf(rankings);
        responseTimes = List.copyOf(responseTimes);
        percentiles = List.copyOf(percentiles);
        dailyValid = List.copyOf(dailyValid);
    }

    /** The written summary at the top of the report, generated from its figures (see ReportSummary). */
    public record Summary(String zh, String en) {
    }

    public LocalDate from() {
        return month.atDay(1);
    }

    public LocalDate to() {
        return month.atEndOfMonth();
    }

    /** Which way a figure moved since the previous month (colour-free: the arrow and the sign say it). */
    public enum Trend {
        UP("▲"), DOWN("▼"), SAME("＝"), NONE("");

        public final String arrow;

        Trend(String arrow) {
            this.arrow = arrow;
        }
    }

    /**
     * Whether a change is good news, by what the figure measures (not by the arrow): the report colours and names it.
     * NEUTRAL: a count of volume, or nothing to compare with.
     */
    public enum Verdict {
        BETTER, WORSE, SAME, NEUTRAL
    }

    /**
     * One indicator: label key (report.kpi.* / stats.kpi.*), this month, the previous month, the change
     * ("▲ +2.3 pp", "▼ -4") and whether it is good news, and the fraction behind a rate ("146/150", empty for a count).
     */
    public record Figure(String key, String current, String previous, String change, Trend trend, Verdict verdict,
                         String fraction) {
    }

    /** One group (a major category, a channel): valid cases this month and the previous, share of this month. */
    public record Share(String code, String label, long current, long previous, String share, String change) {
    }

    /** Found actively (patrol, video, sensors) vs reported to the centre (citizens, hotline, duty officer). */
    public record ActiveShare(long active, long reported, String activeShare, String reportedShare,
                              String previousActiveShare, String change, Verdict verdict) {
    }

    /** A grid in a ranking: valid cases, closed, and the on-time rate end to end (全流程按期率) with its fraction. */
    public record GridLine(int rank, String code, String name, long validCases, long closed, String onTime,
                           String fraction) {
    }

    /** One ranking table: key (report.rank.*), the best rows and the worst rows (may overlap for few grids). */
    public record Ranking(String key, List<GridLine> top, List<GridLine> bottom) {
        public Ranking {
            top = List.copyOf(top);
            bottom = List.copyOf(bottom);
        }
    }

    /**
     * Report to accepted/dispatched/closed: count, mean and percentiles in words ("32 小时", "—" when none), month is
     * "current" or "previous".
     */
    public record ResponseLine(String measure, String month, long count, String mean, List<String> values) {
        public ResponseLine {
            values = List.copyOf(values);
        }
    }

    /** Days per band (this month, previous), mean index and the share of days good or better. */
    public record Safety(List<Band> bands, String mean, String previousMean, String goodOrBetter,
                         String goodOrBetterFraction, String previousGoodOrBetter, String change, Verdict verdict,
                         long wholeDays) {
        public Safety {
            bands = List.copyOf(bands);
        }
    }

    /**
     * A safety-index band: its name, its colour ({@code hex}, drawn, never printed) and the colour's name in words
     * ("蓝色", empty when the bundles do not name it), days this month and the previous.
     */
    public record Band(String id, String name, String hex, String colourName, long days, long previousDays) {
        /** Whether light words read better than dark ones on the band's colour. */
        public boolean dark() {
            java.awt.Color c = java.awt.Color.decode(hex);
            return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue() < 140;
        }
    }
}
