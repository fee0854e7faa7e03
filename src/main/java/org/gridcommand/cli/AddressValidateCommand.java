package org.gridcommand.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gridcommand.address.AddressFile;
import org.gridcommand.address.AddressFileReader;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.geo.Datum;
import org.gridcommand.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check an address register file against the district of the store: codes, kinds and their "
                + "parts, door numbers, duplicates, positions, the small grid each point lies in.",
                "Prints a summary line, then one line per problem with its line, code and field.",
                "Exit status: 0 clean (warnings allowed), 1 errors, 2 usage error or a file that cannot be opened."})
public final class AddressValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = AddressCommand.FILE_HELP)
    Path file;

    @Option(names = "--datum", paramLabel = "DATUM", defaultValue = "wgs84", converter = GridsCommand.DatumConverter.class,
            description = "Datum of rows without a datum column: wgs84, cgcs2000, gcj02 or bd09 (default: ${DEFAULT-VALUE}).")
    Datum datum;

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
                out.flush();
                return addresses.clean() ? AddressCommand.CLEAN : AddressCommand.DEFECTS;
            }
        } catch (InputFiles.UnreadablePath e) {
            return AddressCommand.usage(err, "validate", e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            out.flush();
            return InputFiles.fail(err, "address validate", e);
        }
    }
}
