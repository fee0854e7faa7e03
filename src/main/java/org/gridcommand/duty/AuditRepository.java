package org.gridcommand.duty;

import java.util.List;

/** The append-only audit trail. */
public interface AuditRepository {
    /** Appends one entry; durable when this returns. */
    void append(AuditEntry entry);

    /** The newest entries first. */
    List<AuditEntry> findRecent(int limit);
}
