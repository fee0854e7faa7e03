package org.gridcommand.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gridcommand.geo.Datum;
import org.gridcommand.grid.proof.GridFile;
import org.gridcommand.grid.proof.GridProof;
import org.gridcommand.grid.proof.ProofReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a grid file: gaps, overlaps, broken shapes, codes and parents.",
                "Prints a summary line, then one line per defect with its feature and place (WGS-84).",
                "A file with its own property names is read with --code-field, --name-field and --parent-field; "
                        + "--level says which level all its features are.",
                "Exit status: 0 clean, 1 defects, 2 usage error or a file that cannot be opened."})
public final class GridsValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE",
            description = "GeoJSON FeatureCollection of Polygon/MultiPolygon features, or CSV with a wkt column.")
    Path file;

    @Option(names = "--datum", paramLabel = "DATUM", defaultValue = "wgs84", converter = GridsCommand.DatumConverter.class,
            description = "Datum the file is written in: wgs84, cgcs2000, gcj02 or bd09 (default: ${DEFAULT-VALUE}).")
    Datum datum;

    @Mixin
    GridFieldOptions fields;

    /** The options every command takes (README); this one uses no store, so --data-dir changes nothing here. */
    @picocli.CommandLine.Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            GridFile grids = GridsCommand.read(file, datum, fields.fields());
            ProofReport report = GridProof.validate(grids);
            GridsCommand.print(out, report);
            return report.clean() ? GridsCommand.CLEAN : GridsCommand.DEFECTS;
        } catch (InputFiles.UnreadablePath e) {
            err.println("gridcommand grids validate: " + e.getMessage());
            err.flush();
            return GridsCommand.USAGE;
        } catch (RuntimeException | StackOverflowError e) {
            return InputFiles.fail(err, "grids validate", e);
        }
    }
}
