package org.gridcommand.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.gridcommand.camera.CameraFile;
import org.gridcommand.camera.CameraFileReader;
import org.gridcommand.camera.CameraProblemKind;
import org.gridcommand.camera.CameraRepository.ImportMode;
import org.gridcommand.camera.CameraRepository.RegistryChange;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.demo.DemoSeeder;
import org.gridcommand.geo.Datum;
import org.gridcommand.grid.District;
import org.gridcommand.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Add or update the cameras of a registry file in the store (--replace: make the registry "
                + "exactly the file).",
                "Checks as validate does, and also that every camera stands in the district; each camera gets the "
                        + "small grid it stands in.",
                "All or nothing: on any error nothing changes.",
                "Exit status: 0 imported, 1 nothing imported, 2 usage error or a file that cannot be opened."})
public final class CamerasImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE",
            description = "CSV with a header row, or a JSON array of objects: id, name_zh, name_en, lon, lat, heading, "
                    + "fov, range, main_url, sub_url, group, optional datum.")
    Path file;

    @Option(names = "--datum", paramLabel = "DATUM", defaultValue = "wgs84", converter = GridsCommand.DatumConverter.class,
            description = "Datum of rows without a datum column: wgs84, cgcs2000, gcj02 or bd09 (default: ${DEFAULT-VALUE}).")
    Datum datum;

    @Option(names = "--replace",
            description = "Remove the stored cameras that are not in the file (default: keep them).")
    boolean replace;

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return importFile(out, InputFiles.read(file));
        } catch (InputFiles.UnreadablePath e) {
            return CamerasCommand.usage(err, "import", e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            out.flush();
            return InputFiles.fail(err, "cameras import", e);
        }
    }

    private int importFile(PrintWriter out, byte[] content) {
        try (Database db = Database.openH2(common.dataDir(), new ChangeBus())) {
            if (db.isEmpty()) {
                // Cameras are placed in the district's grids: the demo district comes first, as `demo` would load it.
                DemoSeeder.seedIfNeeded(db, CategoryDictionary.loadDefault(), Clock.systemUTC());
                out.println("the store was empty: loaded the demo district first");
            }
            District district = db.grids().loadDistrict()
                    .orElseThrow(() -> new IllegalStateException("the store at " + db.describe() + " holds no district"));
            CameraFile cameras = CameraFileReader.read(content, CamerasCommand.sourceName(file), datum, district);
            cameras.lines().forEach(out::println);
            if (!cameras.clean()) {
                out.println("nothing imported: fix the errors above");
                out.flush();
                return CamerasCommand.DEFECTS;
            }
            RegistryChange change = db.cameras().importRegistry(cameras.cameras(),
                    replace ? ImportMode.REPLACE : ImportMode.UPSERT);
            long outside = cameras.problems().stream().filter(p -> p.kind() == CameraProblemKind.OUTSIDE_GRIDS).count();
            out.println("imported " + GridsCommand.plural(cameras.cameras().size(), "camera") + " into " + db.describe()
                    + ": " + change.added() + " added, " + change.updated() + " updated, " + change.removed()
                    + " removed; " + outside + " in no small grid; the registry holds "
                    + GridsCommand.plural(db.cameras().count(), "camera"));
            out.flush();
            return CamerasCommand.CLEAN;
        }
    }
}
