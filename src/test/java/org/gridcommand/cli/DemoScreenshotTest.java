package org.gridcommand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `gridcommand demo --screenshot` end to end in its own JVM: seeds a fresh store, opens the real window,
 * renders for a while, writes a PNG of the given size and exits 0.
 */
@Tag("ui")
@Tag("slow")
class DemoScreenshotTest {
    @TempDir
    Path temp;

    @Test
    void demoWritesAScreenshotOfTheRequestedSizeAndExitsZero() throws Exception {
        Path shot = temp.resolve("shot.png");
        Path log = temp.resolve("demo.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-Dprism.order=sw", "-Dgridcommand.assets=assets",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "demo", "--data-dir", temp.resolve("data").toString(), "--screenshot", shot.toString(),
                "--exit-after", "4", "--size", "1280x720", "--lang", "en"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished).as("demo finished in time; output:\n" + output).isTrue();
        assertThat(process.exitValue()).as("exit status; output:\n" + output).isZero();

        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(720);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("distinct colours in the screenshot").isGreaterThan(200);
    }

    @Test
    void aBadSizeIsRefusedWithAMessageNamingTheOption() {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setErr(new java.io.PrintWriter(err));
        int status = cli.execute("demo", "--size", "big", "--data-dir", temp.toString());
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--size").contains("'big'");
    }
}
