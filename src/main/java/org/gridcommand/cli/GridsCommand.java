package org.gridcommand.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gridcommand.geo.Datum;
import org.gridcommand.grid.proof.GridFile;
import org.gridcommand.grid.proof.GridFields;
import org.gridcommand.grid.proof.GridFileReader;
import org.gridcommand.grid.proof.ProofReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code grids validate|import|export}: the grid layout in and out of the console, proven on the way in.
 * Exit status of the subcommands: 0 done and clean, 1 defects (nothing changed), 2 usage (bad option, a file
 * that cannot be opened). Bad input never ends in a stack trace: each subcommand turns every failure into one
 * line on standard error.
 */
@Command(name = "grids", mixinStandardHelpOptions = true,
        description = "Validate, import and export the grid layout (GeoJSON or CSV with WKT).",
        subcommands = {GridsValidateCommand.class, GridsImportCommand.class, GridsExportCommand.class})
public final class GridsCommand implements Callable<Integer> {
    static final int CLEAN = 0;
    static final int DEFECTS = 1;
    static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    /** --datum values: wgs84, cgcs2000, gcj02, bd09 (see Datum.parse). */
    static final class DatumConverter implements CommandLine.ITypeConverter<Datum> {
        @Override
        public Datum convert(String value) {
            try {
                return Datum.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static GridFile read(Path file, Datum datum, GridFields fields) throws InputFiles.UnreadablePath {
        byte[] content = InputFiles.read(file);
        Path name = file.getFileName();
        try {
            return GridFileReader.read(content, name == null ? file.toString() : name.toString(), datum, fields);
        } catch (OutOfMemoryError e) {
            throw InputFiles.tooLarge(file);
        }
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static void print(PrintWriter out, ProofReport report) {
        report.lines().forEach(out::println);
        out.flush();
    }
}
