package org.gridcommand.cases;

/** A close refused by a {@link CloseGuard} (open required plan steps, no override); nothing was changed. */
public class CloseBlocked extends IllegalStateException {
    private final String caseId;

    public CloseBlocked(String caseId, String message) {
        super(message);
        this.caseId = caseId;
    }

    public String caseId() {
        return caseId;
    }
}
