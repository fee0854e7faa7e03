package org.gridcommand.address;

import java.util.List;

/** The standard address register as the store keeps it. */
public interface AddressRepository {
    /** How an import treats the addresses already stored. */
    enum ImportMode {
        /** Add the new addresses, replace those with the same code, keep the others. */
        UPSERT,
        /** The register becomes exactly the given addresses. */
        REPLACE
    }

    /** What an import changed. */
    record RegisterChange(int added, int updated, int removed) {
    }

    /**
     * Imports addresses in one durable transaction: all of them or, on any failure, none. Publishes one change
     * event ("address").
     */
    RegisterChange importRegister(List<StandardAddress> addresses, ImportMode mode);

    List<StandardAddress> findAll();

    long count();
}
