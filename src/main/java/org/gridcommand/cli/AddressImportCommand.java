package org.gridcommand.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gridcommand.address.AddressFile;
import org.gridcommand.address.AddressFileReader;
import org.gridcommand.address.AddressRepository.ImportMode;
import org.gridcommand.address.AddressRepository.RegisterChange;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.geo.Datum;
import org.gridcommand.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Add or update the addresses of a register file in the store (--replace: make the register "
                + "exactly the file).",
                "Checks as validate does; each address gets the small grid its point lies in.",
                "All or nothing: on any error nothing changes.",
                "Exit status: 0 imported, 1 nothing imported, 2 usage error or a file that cannot be opened."})
public final class AddressImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = AddressCommand.FILE_HELP)
    Path file;

    @Option(names = "--datum", paramLabel = "DATUM", defaultValue = "wgs84", converter = GridsCommand.DatumConverter.class,
            description = "Datum of rows without a datum column: wgs84, cgcs2000, gcj02 or bd09 (default: ${DEFAULT-VALUE}).")
    Datum datum;

    @Option(names = "--replace", description = "Remove the stored addresses that are not in the file (default: keep them).")
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
            byte[] content = InputFiles.read(file);
            try (Database db = Database.openH2(common.dataDir(), new ChangeBus())) {
                AddressFile addresses = AddressFileReader.read(content, CamerasCommand.sourceName(file), datum,
                        AddressCommand.district(db, out));
                addresses.lines().forEach(out::println);
                if (!addresses.clean()) {
                    out.println("nothing imported: fix the errors above");
                    out.flush();
                    return AddressCommand.DEFECTS;
                }
                RegisterChange change = db.addresses().importRegister(addresses.addresses(),
                        replace ? ImportMode.REPLACE : ImportMode.UPSERT);
                out.println("imported " + addresses.addresses().size() + " addresses into " + db.describe() + ": "
                        + change.added() + " added, " + change.updated() + " updated, " + change.removed()
                        + " removed; the register holds " + db.addresses().count());
                out.flush();
                return AddressCommand.CLEAN;
            }
        } catch (InputFiles.UnreadablePath e) {
            return AddressCommand.usage(err, "import", e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            out.flush();
            return InputFiles.fail(err, "address import", e);
        }
    }
}
