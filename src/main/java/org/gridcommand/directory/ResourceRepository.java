package org.gridcommand.directory;

import java.util.List;

public interface ResourceRepository {
    void saveAll(List<Resource> resources);

    List<Resource> findAll();
}
