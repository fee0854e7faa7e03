package org.gridcommand.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.common.DistrictTime;
import org.gridcommand.store.Database;

/**
 * Fills an empty store with the demo district, its people, cameras, resources and three years of cases,
 * and on each later day adds that day's demo cases so the queue is never a stale yesterday.
 */
public final class DemoSeeder {
    /** The seed every demo store is made from, so every seat shows the same district. */
    public static final long DEMO_SEED = DemoDistrictGenerator.DEFAULT_SEED;
    static final String META_SEEDED = "demo.seeded";
    static final String META_TODAY = "demo.today";

    private DemoSeeder() {
    }

    /** Returns the number of cases it added (0 when the store was already up to date). */
    public static int seedIfNeeded(Database database, CategoryDictionary categories, Clock clock) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(DistrictTime.ZONE).toLocalDate();
        if (database.meta(META_SEEDED).isEmpty()) {
            DemoDistrict demo = DemoDistrictGenerator.generate(DEMO_SEED);
            database.grids().replaceDistrict(demo.district());
            database.cameras().saveAll(demo.cameras());
            database.resources().saveAll(demo.resources());
            List<Case> cases = DemoCaseGenerator.generate(demo, categories, now, DEMO_SEED);
            // The case load is one transaction: if it ran before and the meta write did not, do not repeat it.
            if (database.cases().count() == 0) {
                database.cases().insertAll(cases);
            }
            database.putMeta(META_TODAY, today.toString());
            database.putMeta(META_SEEDED, now.toString());
            return cases.size();
        }
        if (today.toString().equals(database.meta(META_TODAY).orElse(""))) {
            return 0;
        }
        DemoDistrict demo = DemoDistrictGenerator.generate(DEMO_SEED);
        Instant midnight = today.atStartOfDay(DistrictTime.ZONE).toInstant();
        List<Case> todays = DemoCaseGenerator.generate(demo, categories, now, DEMO_SEED ^ today.toEpochDay())
                .stream().filter(c -> !c.reportedAt().isBefore(midnight)).toList();
        database.cases().insertAll(todays);
        database.putMeta(META_TODAY, today.toString());
        return todays.size();
    }
}
