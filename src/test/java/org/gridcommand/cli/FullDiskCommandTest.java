package org.gridcommand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.gridcommand.store.SmallDisk;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that open or write the local store, on a real disk too small for it (a tmpfs): each ends with
 * one sentence naming the full disk and a non-zero exit, never a stack trace; with room again, the same data
 * folder works (a seed cut short is finished).
 */
@Tag("slow")
@Tag("ui")
class FullDiskCommandTest {
    /** Anything that would be a stack trace or an exception's name on stderr. */
    private static final Pattern TRACE = Pattern.compile("^\\s+at |Caused by|Exception|\\.\\.\\. \\d+ more",
            Pattern.MULTILINE);

    @TempDir
    Path temp;

    private static String fullDisk(Path dataDir) {
        Path folder = dataDir.resolve("db");
        return "the disk holding the local store " + folder + " is full (No space left on device): "
                + "free space on that disk; nothing stored before is lost";
    }

    private static String cannotOpen(Path dataDir) {
        return "cannot open the local database at " + dataDir.resolve("db").resolve("gridcommand") + ": "
                + fullDisk(dataDir);
    }

    @Test
    void statsOnADiskTooSmallForTheStoreSaysSoInOneLineAndWorksOnceThereIsRoom() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(1)) {
            Path data = disk.root().resolve("data");
            Run full = runJava(temp, kpiOfLastMonth(data));
            assertThat(full.exit()).as(full.err()).isEqualTo(1);
            assertThat(full.err().lines().toList()).as("stderr").containsExactly("gridcommand stats: " + cannotOpen(data));

            disk.resize(128);
            Run roomy = runJava(temp, kpiOfLastMonth(data));
            assertThat(roomy.exit()).as(roomy.err()).isZero();
            assertThat(roomy.out()).containsPattern("reported\\s+Cases reported\\s+[1-9]");
        }
    }

    @Test
    void demoSeedingOntoAFullDiskEndsInOneSentenceAndTheSeedIsFinishedOnceThereIsRoom() throws Exception {
        // 12 MB: the schema fits, the three years of demo cases do not.
        try (SmallDisk disk = SmallDisk.mount(12)) {
            Path data = disk.root().resolve("data");
            Run full = runJava(temp, List.of("demo", "--exit-after", "1", "--lang", "en", "--no-field",
                    "--data-dir", data.toString()));
            assertThat(full.exit()).as(full.err()).isNotZero();
            assertThat(full.err()).as("stderr").doesNotContainPattern(TRACE);
            List<String> ours = full.err().lines().filter(l -> l.startsWith("gridcommand")).toList();
            assertThat(ours).as("stderr: " + full.err()).hasSize(1);
            assertThat(ours.get(0)).matches("gridcommand: inserting \\d+ case\\(s\\) failed: "
                    + Pattern.quote(fullDisk(data)));

            disk.resize(128);
            Run roomy = runJava(temp, kpiOfLastMonth(data));
            assertThat(roomy.exit()).as(roomy.err()).isZero();
            assertThat(roomy.out()).containsPattern("reported\\s+Cases reported\\s+[1-9]");
        }
    }

    @Test
    void importsAndReportsOnADiskTooSmallForTheStoreSayWhyInOneLine() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(1)) {
            Path data = disk.root().resolve("data");
            GridsCli.Run cameras = GridsCli.run("cameras", "import", CamerasCli.resource("good.csv").toString(),
                    "--data-dir=" + data);
            assertThat(cameras.exit()).isEqualTo(1);
            assertThat(cameras.err().lines().toList()).containsExactly("gridcommand cameras import: " + cannotOpen(data));

            GridsCli.Run report = GridsCli.run("report", "monthly", "--month", "2026-10",
                    "--out", temp.resolve("r.pdf").toString(), "--data-dir", data.toString());
            assertThat(report.exit()).isEqualTo(1);
            assertThat(report.err().lines().toList()).containsExactly("gridcommand report: " + cannotOpen(data));
            assertThat(temp.resolve("r.pdf")).doesNotExist();
        }
    }

    /** The demo holds three years of cases up to today: last month always has some. */
    private static List<String> kpiOfLastMonth(Path data) {
        YearMonth last = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        return List.of("stats", "kpi", "--from", last.atDay(1).toString(), "--to", last.atEndOfMonth().toString(),
                "--lang", "en", "--data-dir", data.toString());
    }

    record Run(int exit, String out, String err) {
    }

    /** ./gridcommand in a JVM of its own, so that everything it writes to stderr is seen. */
    static Run runJava(Path temp, List<String> args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Dprism.order=sw", "-Dgridcommand.assets=assets",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", args) + " did not finish within 3 minutes; stderr:\n"
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
