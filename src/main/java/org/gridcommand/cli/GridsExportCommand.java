package org.gridcommand.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.demo.DemoDistrictGenerator;
import org.gridcommand.grid.District;
import org.gridcommand.grid.proof.GeoJsonExport;
import org.gridcommand.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the grids as an RFC 7946 GeoJSON FeatureCollection in WGS-84.",
                "Big grids first, then small grids, each sorted by code; the same grids give the same bytes."})
public final class GridsExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Where to write; - writes to standard output.")
    String file;

    @Option(names = "--demo", description = "Export the demo generator's grids instead of the store's.")
    boolean demo;

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            District district;
            if (demo) {
                district = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED).district();
            } else {
                try (Database db = Database.openH2(common.dataDir(), new ChangeBus())) {
                    var stored = db.grids().loadDistrict();
                    if (stored.isEmpty()) {
                        err.println("gridcommand grids export: the store at " + db.describe() + " holds no district"
                                + " (run ./gridcommand demo once, or export the demo's grids with --demo)");
                        err.flush();
                        return GridsCommand.DEFECTS;
                    }
                    district = stored.get();
                }
            }
            String json = GeoJsonExport.toGeoJson(district);
            if (file.equals("-")) {
                out.print(json);
                out.flush();
                return GridsCommand.CLEAN;
            }
            Path target = Path.of(file);
            try {
                Files.writeString(target, json, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("gridcommand grids export: cannot write " + file + ": "
                        + (e.getMessage() == null ? "input/output error" : e.getMessage()));
                err.flush();
                return GridsCommand.USAGE;
            }
            out.println("wrote " + GridsCommand.plural(district.smallGrids().size(), "small grid") + " in "
                    + GridsCommand.plural(district.bigGrids().size(), "big grid") + " to " + file + " (WGS-84)");
            out.flush();
            return GridsCommand.CLEAN;
        } catch (RuntimeException | StackOverflowError e) {
            return InputFiles.fail(err, "grids export", e);
        }
    }
}
