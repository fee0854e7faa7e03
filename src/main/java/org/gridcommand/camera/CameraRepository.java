package org.gridcommand.camera;

import java.util.List;
import java.util.Optional;

public interface CameraRepository {
    /** How an import treats the cameras already stored. */
    enum ImportMode {
        /** Add the new cameras, replace those with the same id, keep the others. */
        UPSERT,
        /** The registry becomes exactly the given cameras: the others are removed. */
        REPLACE
    }

    /** What an import changed. */
    record RegistryChange(int added, int updated, int removed) {
    }

    /** Inserts or replaces the given cameras in one transaction. */
    void saveAll(List<Camera> cameras);

    /**
     * Imports a camera registry in one durable transaction: all of it or, on any failure, none of it. Publishes
     * one change event ("camera", BULK_LOADED for more than one camera or any removal).
     */
    RegistryChange importRegistry(List<Camera> cameras, ImportMode mode);

    List<Camera> findAll();

    Optional<Camera> findById(String id);

    long count();
}
