package org.gridcommand.cases;

/** Stages of the seven-step case life cycle, plus voided and suspended. */
public enum CaseState {
    REPORTED, ACCEPTED, VOIDED, DISPATCHED, IN_HANDLING, FED_BACK, VERIFIED, CLOSED, SUSPENDED;

    public boolean isOpen() {
        return this != CLOSED && this != VOIDED;
    }
}
