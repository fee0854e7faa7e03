package org.gridcommand.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.demo.DemoSeeder;
import org.gridcommand.grid.District;
import org.gridcommand.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code address validate|import|search}: the standard address register (标准地址) into the console, checked on the
 * way in, and found again by what a caller says. Exit status: 0 clean (warnings allowed) or found, 1 errors (nothing
 * changed) or nothing found, 2 usage (bad option, a file that cannot be opened). Bad input never ends in a stack
 * trace.
 */
@Command(name = "address", mixinStandardHelpOptions = true,
        description = "Validate, import and search the standard address register (CSV with a header row, or GeoJSON).",
        subcommands = {AddressValidateCommand.class, AddressImportCommand.class, AddressSearchCommand.class})
public final class AddressCommand implements Callable<Integer> {
    static final int CLEAN = 0;
    static final int DEFECTS = 1;
    static final int USAGE = 2;

    static final String FILE_HELP = "CSV with a header row, or a GeoJSON FeatureCollection of points: code, kind "
            + "(road, house, compound, building, unit, poi), name, town, road, number, compound, building, unit, poi, "
            + "lon, lat, datum, grid.";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    static int usage(PrintWriter err, String command, String message) {
        err.println("gridcommand address " + command + ": " + message);
        err.flush();
        return USAGE;
    }

    /** The district of the store, loading the demo district into an empty store first (as `demo` would). */
    static District district(Database db, PrintWriter out) {
        if (db.isEmpty()) {
            DemoSeeder.seedIfNeeded(db, CategoryDictionary.loadDefault(), Clock.systemUTC());
            out.println("the store was empty: loaded the demo district first");
        }
        return db.grids().loadDistrict()
                .orElseThrow(() -> new IllegalStateException("the store at " + db.describe() + " holds no district"));
    }
}
