package org.gridcommand.ui.queue;

import org.gridcommand.cases.CaseState;

/** The queue's state filter: open cases, everything loaded (open plus today's), or one state. */
public record StateFilter(Kind kind, CaseState state) {
    public enum Kind { OPEN, ALL_TODAY, STATE }

    public static final StateFilter OPEN = new StateFilter(Kind.OPEN, null);
    public static final StateFilter ALL_TODAY = new StateFilter(Kind.ALL_TODAY, null);

    public static StateFilter of(CaseState state) {
        return new StateFilter(Kind.STATE, state);
    }

    public boolean test(CaseState s) {
        return switch (kind) {
            case OPEN -> s.isOpen();
            case ALL_TODAY -> true;
            case STATE -> s == state;
        };
    }
}
