package org.gridcommand.ui.queue;

import java.text.CollationKey;
import org.gridcommand.cases.Case;
import org.gridcommand.sla.SlaView;

/**
 * One queue line, every cell already turned into display text, so the table only paints and the filters
 * only compare strings. sla is null when the case has no assessable SLA (no limit, no calendar year).
 *
 * @param slaMark     a glyph that tells the SLA state apart without colour (◷ on time, ⚠ near due, ✖ overdue…)
 * @param slaStyle    the style class that colours the SLA cell
 * @param majorCode   the category's major class, for the category filter
 * @param gridKey     grid name and code in lower case, for the grid filter
 * @param searchKey   every searchable text in lower case, for the text filter
 * @param order       collation keys of the text columns, so sorting by them compares bytes, not strings
 */
public record CaseRow(Case source, SlaView sla, String time, String priority, String category, String majorCode,
                      String grid, String state, String channel, String slaText, String slaMark, String slaStyle,
                      String flags, String gridKey, String searchKey, SortKeys order) {
    /** Locale-correct sort keys of the category, grid and channel cells (pinyin-free, but stable for zh too). */
    public record SortKeys(CollationKey category, CollationKey grid, CollationKey channel) {
    }

    public String id() {
        return source.id();
    }

    /** The SLA cell as read aloud or copied: mark and words together. */
    public String slaCell() {
        return slaMark.isEmpty() ? slaText : slaMark + " " + slaText;
    }
}
