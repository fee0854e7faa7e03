package org.gridcommand.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.demo.DemoSeeder;
import org.gridcommand.geo.Datum;
import org.gridcommand.grid.District;
import org.gridcommand.grid.proof.Defect;
import org.gridcommand.grid.proof.GridFields;
import org.gridcommand.grid.proof.GridFile;
import org.gridcommand.grid.proof.GridLevel;
import org.gridcommand.grid.proof.GridLayout;
import org.gridcommand.grid.proof.GridLayoutBuilder;
import org.gridcommand.grid.proof.GridProof;
import org.gridcommand.grid.proof.GridRepair;
import org.gridcommand.grid.proof.ProofReport;
import org.gridcommand.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Replace the district's grids with those of a file, keeping its grid heads and workers.",
                "All or nothing: on any defect nothing changes.",
                "--repair repairs what can be repaired (each repair printed with the area it changed, m² before and "
                        + "after), validates again and imports only if clean.",
                "A file with its own property names is read with --code-field, --name-field and --parent-field; "
                        + "a file of one level (--level) replaces only that level.",
                "Exit status: 0 imported, 1 nothing imported, 2 usage error or a file that cannot be opened."})
public final class GridsImportCommand implements Callable<Integer> {
    private static final int MAX_ORPHAN_LINES = 20;

    @Parameters(index = "0", paramLabel = "FILE",
            description = "GeoJSON FeatureCollection of Polygon/MultiPolygon features, or CSV with a wkt column.")
    Path file;

    @Option(names = "--datum", paramLabel = "DATUM", defaultValue = "wgs84", converter = GridsCommand.DatumConverter.class,
            description = "Datum the file is written in: wgs84, cgcs2000, gcj02 or bd09 (default: ${DEFAULT-VALUE}).")
    Datum datum;

    @Option(names = "--repair",
            description = "Close rings, turn latitude-first positions round, leave out rings that collapse to a line, "
                    + "fix invalid shapes (GeometryFixer), cut overlaps.")
    boolean repair;

    @Mixin
    GridFieldOptions fields;

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return importFile(out);
        } catch (InputFiles.UnreadablePath e) {
            err.println("gridcommand grids import: " + e.getMessage());
            err.flush();
            return GridsCommand.USAGE;
        } catch (RuntimeException | StackOverflowError e) {
            out.flush();
            return InputFiles.fail(err, "grids import", e);
        }
    }

    private int importFile(PrintWriter out) throws InputFiles.UnreadablePath {
        GridFields mapping = fields.fields();
        GridFile grids = GridsCommand.read(file, datum, mapping);
        if (mapping.level() == null) {
            // The whole layout comes from the file: it is proven before the store is even opened.
            GridFile proven = proven(out, grids);
            if (proven == null) {
                return GridsCommand.DEFECTS;
            }
            try (Database db = open(out)) {
                return store(out, db, proven);
            }
        }
        try (Database db = open(out)) {
            // One level from the file, the other as the store holds it: proven together, as one layout.
            District current = district(db);
            GridLevel kept = mapping.level() == GridLevel.BIG ? GridLevel.SMALL : GridLevel.BIG;
            int keptCount = kept == GridLevel.BIG ? current.bigGrids().size() : current.smallGrids().size();
            out.println("the file holds " + mapping.level().noun() + "s only: keeping the store's "
                    + GridsCommand.plural(keptCount, kept.noun()) + (keptCount == 1 ? " as it is" : " as they are"));
            GridFile proven = proven(out, grids.withStoreGrids(current, kept));
            if (proven == null) {
                return GridsCommand.DEFECTS;
            }
            return store(out, db, proven);
        }
    }

    /** The file validated for import and, with --repair, repaired and validated again; null when not clean. */
    private GridFile proven(PrintWriter out, GridFile grids) {
        ProofReport report = GridProof.validate(grids, true);
        GridsCommand.print(out, report);
        if (report.clean()) {
            return grids;
        }
        if (!repair) {
            refuse(out, "fix the defects above, or run again with --repair to repair what can be repaired");
            return null;
        }
        GridRepair.Result repaired = GridRepair.repair(grids);
        if (repaired.repairs().isEmpty()) {
            out.println("nothing could be repaired");
        }
        repaired.repairs().forEach(line -> out.println("REPAIRED " + line));
        report = GridProof.validate(repaired.file(), true);
        out.print("after repair: ");
        GridsCommand.print(out, report);
        if (!report.clean()) {
            refuse(out, "the defects above need a person to fix them");
            return null;
        }
        return repaired.file();
    }

    private Database open(PrintWriter out) {
        Database db = Database.openH2(common.dataDir(), new ChangeBus());
        try {
            if (db.isEmpty()) {
                // Grids alone are no district: the demo's name and people come first, as `demo` would load them.
                DemoSeeder.seedIfNeeded(db, CategoryDictionary.loadDefault(), Clock.systemUTC());
                out.println("the store was empty: loaded the demo district first");
            }
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static District district(Database db) {
        return db.grids().loadDistrict()
                .orElseThrow(() -> new IllegalStateException("the store at " + db.describe() + " holds no district"));
    }

    private int store(PrintWriter out, Database db, GridFile proven) {
        GridLayout layout = GridLayoutBuilder.build(proven);
        District current = district(db);
        List<Defect> orphans = GridProof.orphans(current, layout);
        if (!orphans.isEmpty()) {
            // The wrong file can orphan a whole district: the first screenful says enough.
            orphans.stream().limit(MAX_ORPHAN_LINES).forEach(d -> out.println(d.toLine()));
            if (orphans.size() > MAX_ORPHAN_LINES) {
                out.println("... and " + (orphans.size() - MAX_ORPHAN_LINES) + " more grids with people (ORPHANED_PEOPLE)");
            }
            return refuse(out, "every grid head's and grid worker's grid must be in the file; "
                    + "reassign them first");
        }
        db.grids().replaceGrids(layout.outline(), layout.bigGrids(), layout.smallGrids());
        out.println("imported " + counts(layout) + " into " + db.describe() + "; kept "
                + GridsCommand.plural(current.gridHeads().size(), "grid head") + " and "
                + GridsCommand.plural(current.gridWorkers().size(), "grid worker"));
        out.flush();
        return GridsCommand.CLEAN;
    }

    private static int refuse(PrintWriter out, String why) {
        out.println("nothing imported: " + why);
        out.flush();
        return GridsCommand.DEFECTS;
    }

    /** "136 small grids in 16 big grids", as the validation summary says it. */
    private static String counts(GridLayout layout) {
        return GridsCommand.plural(layout.smallGrids().size(), "small grid") + " in "
                + GridsCommand.plural(layout.bigGrids().size(), "big grid");
    }
}
