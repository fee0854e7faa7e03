package org.gridcommand.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridcommand.address.AddressMatch;
import org.gridcommand.address.AddressSearch;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Find addresses of the register by what a caller says: characters of any part, pinyin "
                + "initials (jdl for 金鼎路), partial house numbers.",
                "Prints the best matches with their score (0-100), point (WGS-84) and small grid.",
                "Exit status: 0 found, 1 nothing found, 2 usage error."})
public final class AddressSearchCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "What the caller said, e.g. 金鼎路28号 or jdl 28.")
    List<String> words;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "How many matches to print, 1 to 100 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (limit < 1 || limit > 100) {
            return AddressCommand.usage(err, "search", "--limit must be from 1 to 100, not " + limit);
        }
        String text = String.join(" ", words);
        try (Database db = Database.openH2(common.dataDir(), new ChangeBus())) {
            AddressCommand.district(db, out);
            AddressSearch search = new AddressSearch(db.addresses().findAll());
            if (search.size() == 0) {
                out.println("the register at " + db.describe() + " is empty: import one with `address import FILE`");
                out.flush();
                return AddressCommand.DEFECTS;
            }
            List<AddressMatch> found = search.search(text, limit);
            if (found.isEmpty()) {
                out.println("no address matches \"" + org.gridcommand.common.InputText.printable(text) + "\"");
                out.flush();
                return AddressCommand.DEFECTS;
            }
            TextTable table = new TextTable(List.of("score", "address", "lon", "lat", "small grid", "code"));
            for (AddressMatch m : found) {
                table.add(List.of(Integer.toString(m.percent()), m.address().name(),
                        String.format(Locale.ROOT, "%.6f", m.address().point().lon()),
                        String.format(Locale.ROOT, "%.6f", m.address().point().lat()),
                        m.address().smallGrid() == null ? "-" : m.address().smallGrid(), m.address().code()));
            }
            out.print(table.toText());
            out.flush();
            return AddressCommand.CLEAN;
        } catch (RuntimeException | StackOverflowError e) {
            out.flush();
            return InputFiles.fail(err, "address search", e);
        }
    }
}
