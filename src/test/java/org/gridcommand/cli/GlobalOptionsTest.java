package org.gridcommand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gridcommand.common.AssetLocator;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command takes the options the README lists for all of them: --data-dir and --lang. */
class GlobalOptionsTest {
    @Test
    void everyCommandThatRunsTakesDataDirAndLang() {
        List<String> lacking = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        walk(Main.commandLine(), lacking, seen);
        assertThat(seen).as("the walk found the commands").contains("gridcommand grids validate",
                "gridcommand address search", "gridcommand bench map", "gridcommand simulate");
        assertThat(lacking).as("commands refusing a global option").isEmpty();
    }

    @Test
    void gridsValidateAcceptsDataDirAsEveryOtherCommandDoes() {
        GridsCli.Run run = GridsCli.run("grids", "validate", AssetLocator.resolve("demo/grids.geojson").toString(),
                "--data-dir", "/tmp/gc-unused-data-dir", "--lang", "en");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.err()).doesNotContain("Unknown option");
    }

    private static void walk(CommandLine cli, List<String> lacking, List<String> seen) {
        if (cli.getSubcommands().isEmpty()) {
            String name = cli.getCommandSpec().qualifiedName();
            seen.add(name);
            for (String option : List.of("--data-dir", "--lang")) {
                if (cli.getCommandSpec().findOption(option) == null) {
                    lacking.add(name + " " + option);
                }
            }
            return;
        }
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (!sub.getCommandSpec().name().equals("help")) {
                walk(sub, lacking, seen);
            }
        }
    }
}
