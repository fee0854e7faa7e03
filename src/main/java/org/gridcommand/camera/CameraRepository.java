package org.gridcommand.camera;

import java.util.List;
import java.util.Optional;

public interface CameraRepository {
    /** Inserts or replaces the given cameras in one transaction. */
    void saveAll(List<Camera> cameras);

    List<Camera> findAll();

    Optional<Camera> findById(String id);

    long count();
}
