package org.gridcommand.cases;

/**
 * Asked before a case closes, on the stored form the close would change (under its row lock): the plans
 * service refuses while required steps of the case's emergency plan are open. {@link #NONE} lets every case close.
 */
@FunctionalInterface
public interface CloseGuard {
    CloseGuard NONE = aCase -> { };

    /** @throws CloseBlocked saying what keeps the case open; nothing is changed then */
    void check(Case aCase);
}
