package org.gridcommand.ui.queue;

import java.text.CollationKey;
import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridcommand.cases.Case;
import org.gridcommand.sla.SlaEngine;
import org.gridcommand.sla.SlaView;
import org.gridcommand.ui.shared.CaseTexts;

/** Turns cases into queue rows at a given instant (the SLA cell depends on it). Safe on any thread. */
public final class CaseRowFactory {
    private static final System.Logger LOG = System.getLogger(CaseRowFactory.class.getName());

    private final CaseTexts texts;
    private final SlaEngine sla;
    private final java.util.Locale locale;
    private Collator collator;
    // A collator compare normalises both strings every time; the cells repeat a few dozen names, so their
    // keys are made once and a sort compares bytes.
    private final java.util.Map<String, CollationKey> keys = new java.util.concurrent.ConcurrentHashMap<>();

    public CaseRowFactory(CaseTexts texts, SlaEngine sla) {
        this.texts = texts;
        this.sla = sla;
        this.locale = texts.messages().locale();
    }

    private CollationKey key(String text) {
        CollationKey known = keys.get(text);
        return known != null ? known : keys.computeIfAbsent(text, this::newKey);
    }

    // Made on first use, off the FX thread: building a collator's tables takes a noticeable part of a start.
    private synchronized CollationKey newKey(String text) {
        if (collator == null) {
            collator = Collator.getInstance(locale);
        }
        return collator.getCollationKey(text);
    }

    public CaseTexts texts() {
        return texts;
    }

    public List<CaseRow> rows(List<Case> cases, Instant now) {
        List<CaseRow> rows = new ArrayList<>(cases.size());
        for (Case c : cases) {
            rows.add(row(c, now));
        }
        return rows;
    }

    public CaseRow row(Case c, Instant now) {
        SlaView view = assess(c, now);
        CaseTexts.SlaCell cell = texts.slaCell(c, view);
        String category = texts.categoryName(c.categoryCode());
        String grid = texts.gridName(c);
        String priority = texts.priority(c);
        String state = texts.state(c);
        String channel = texts.channel(c);
        String flags = flags(c);
        String gridKey = (grid + " " + (c.smallGridCode() == null ? "" : c.smallGridCode())).toLowerCase(Locale.ROOT);
        String searchKey = String.join(" ", c.id(), c.number() == null ? "" : c.number(), category, grid, priority, state, channel, flags,
                nonNull(c.address()), nonNull(c.description()), nonNull(c.reporterName()),
                nonNull(c.reporterContact()), nonNull(c.reportedBy()), nonNull(c.categoryCode()),
                nonNull(c.smallGridCode()))
                .toLowerCase(Locale.ROOT);
        return new CaseRow(c, view, texts.shortTime(c.reportedAt(), now), priority, category,
                texts.majorOf(c.categoryCode()), grid, state, channel, cell.text(), cell.mark(), cell.style(), flags,
                gridKey, searchKey, new CaseRow.SortKeys(key(category), key(grid), key(channel)));
    }

    /** Null when the SLA cannot be assessed; the case still shows, with "no time limit". */
    public SlaView assess(Case c, Instant now) {
        try {
            return sla.assess(c, now);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "no SLA for case " + c.id() + ": " + e.getMessage());
            return null;
        }
    }

    private String flags(Case c) {
        List<String> parts = new ArrayList<>(3);
        if (c.supervised()) {
            parts.add("⚑ " + texts.get("queue.flag.supervised"));
        }
        if (c.escalated()) {
            parts.add("⇪ " + texts.get("queue.flag.escalated"));
        }
        if (c.reworkCount() > 0) {
            parts.add("↻ " + texts.format("queue.flag.rework", c.reworkCount()));
        }
        return String.join("  ", parts);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
