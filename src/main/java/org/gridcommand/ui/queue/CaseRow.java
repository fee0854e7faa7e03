package org.gridcommand.ui.queue;

import org.gridcommand.cases.Case;

/** One queue line, with every cell already turned into display text by the view model. */
public record CaseRow(Case source, String time, String priority, String category, String grid,
                      String state, String channel) {
    public String id() {
        return source.id();
    }
}
