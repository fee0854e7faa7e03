package org.gridcommand.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gridcommand.address.AddressFile;
import org.gridcommand.address.AddressFileReader;
import org.gridcommand.address.AddressRepository;
import org.gridcommand.cases.Case;
import org.gridcommand.common.AssetLocator;
import org.gridcommand.geo.Datum;
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

    /** The shipped register of the demo district ({@link DemoAddressGenerator} made it). */
    public static final String ADDRESS_FILE = "demo/addresses.csv";

    /** Imports the shipped register when the store has none; a file that does not read clean is refused whole. */
    static void seedAddressesIfMissing(Database database, DemoDistrict demo) {
        if (database.addresses().count() > 0) {
            return;
        }
        AddressFile file;
        try {
            file = AddressFileReader.read(AssetLocator.resolve(ADDRESS_FILE), Datum.WGS84, demo.district());
        } catch (IOException e) {
            throw new UncheckedIOException("the demo address register " + ADDRESS_FILE + " cannot be read", e);
        }
        if (!file.clean()) {
            throw new IllegalStateException("the demo address register " + ADDRESS_FILE + " has errors: "
                    + String.join("; ", file.lines().subList(0, Math.min(4, file.lines().size()))));
        }
        database.addresses().importRegister(file.addresses(), AddressRepository.ImportMode.REPLACE);
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
            seedAddressesIfMissing(database, demo);
            List<Case> cases = DemoCaseGenerator.generate(demo, categories, now, DEMO_SEED);
            // The case load is one transaction: if it ran before and the meta write did not, do not repeat it.
            if (database.cases().count() == 0) {
                database.cases().insertAll(cases);
            }
            database.putMeta(META_TODAY, today.toString());
            database.putMeta(META_SEEDED, now.toString());
            return cases.size();
        }
        DemoDistrict demo = null;
        if (database.addresses().count() == 0) {
            // A store seeded before the register existed gets it now, so every demo seat can locate by address.
            demo = DemoDistrictGenerator.generate(DEMO_SEED);
            seedAddressesIfMissing(database, demo);
        }
        if (today.toString().equals(database.meta(META_TODAY).orElse(""))) {
            return 0;
        }
        if (demo == null) {
            demo = DemoDistrictGenerator.generate(DEMO_SEED);
        }
        Instant midnight = today.atStartOfDay(DistrictTime.ZONE).toInstant();
        List<Case> todays = DemoCaseGenerator.generate(demo, categories, now, DEMO_SEED ^ today.toEpochDay())
                .stream().filter(c -> !c.reportedAt().isBefore(midnight)).toList();
        database.cases().insertAll(todays);
        database.putMeta(META_TODAY, today.toString());
        return todays.size();
    }
}
