package org.gridcommand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** report monthly: bad input is exit status 2 with one line naming the option and the problem; nothing written. */
class ReportCommandTest {
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ReportCommand());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void aMonthThatIsNoMonthIsNamed(@TempDir Path dir) throws Exception {
        assertThat(run("monthly", "--month", "2026-13", "--out", dir.resolve("r.pdf").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("gridcommand report: --month '2026-13' is not a calendar month");
        assertThat(run("monthly", "--month", "10/2026", "--out", dir.resolve("r.pdf").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--month '10/2026' is not a month in the form YYYY-MM");
        assertThat(run("monthly", "--out", dir.resolve("r.pdf").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--month is required");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void targetsThatCannotBeWrittenAreNamed(@TempDir Path dir) {
        assertThat(run("monthly", "--month", "2026-10")).isEqualTo(2);
        assertThat(err.toString()).contains("--out is required");
        assertThat(run("monthly", "--month", "2026-10", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--out " + dir + " is a folder");
        assertThat(run("monthly", "--month", "2026-10", "--out", dir.resolve("r.pdf").toString(),
                "--html", dir.resolve("missing/r.html").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--html").contains("does not exist");
    }
}
