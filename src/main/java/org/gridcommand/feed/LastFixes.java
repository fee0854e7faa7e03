package org.gridcommand.feed;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Each worker's latest accepted fix, for the jump check: kept in memory as fixes are accepted, and read
 * from the store the first time a worker appears (so a restart still knows where everyone was).
 */
public final class LastFixes {
    private final Function<String, Optional<GpsFix>> stored;
    private final Map<String, Optional<GpsFix>> latest = new ConcurrentHashMap<>();

    public LastFixes(Function<String, Optional<GpsFix>> stored) {
        this.stored = stored;
    }

    public Optional<GpsFix> get(String workerId) {
        return latest.computeIfAbsent(workerId, stored);
    }

    /** Records an accepted fix if it is newer than the one known. */
    public void accept(GpsFix fix) {
        latest.merge(fix.workerId(), Optional.of(fix), (old, now) ->
                old.isEmpty() || now.get().at().isAfter(old.get().at()) ? now : old);
    }
}
