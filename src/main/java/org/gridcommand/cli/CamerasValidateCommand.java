package org.gridcommand.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gridcommand.camera.CameraFile;
import org.gridcommand.camera.CameraFileReader;
import org.gridcommand.geo.Datum;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a camera registry file: ids, positions, heading, field of view, range, stream URLs.",
                "Prints a summary line, then one line per problem with its line, camera id and field.",
                "Exit status: 0 clean (warnings allowed), 1 errors, 2 usage error or a file that cannot be opened."})
public final class CamerasValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE",
            description = "CSV with a header row, or a JSON array of objects: id, name_zh, name_en, lon, lat, heading, "
                    + "fov, range, main_url, sub_url, group, optional datum.")
    Path file;

    @Option(names = "--datum", paramLabel = "DATUM", defaultValue = "wgs84", converter = GridsCommand.DatumConverter.class,
            description = "Datum of rows without a datum column: wgs84, cgcs2000, gcj02 or bd09 (default: ${DEFAULT-VALUE}).")
    Datum datum;

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
            byte[] content = InputFiles.read(file);
            CameraFile cameras = CameraFileReader.read(content, CamerasCommand.sourceName(file), datum, null);
            cameras.lines().forEach(out::println);
            out.flush();
            return cameras.clean() ? CamerasCommand.CLEAN : CamerasCommand.DEFECTS;
        } catch (InputFiles.UnreadablePath e) {
            return CamerasCommand.usage(err, "validate", e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            out.flush();
            return InputFiles.fail(err, "cameras validate", e);
        }
    }
}
