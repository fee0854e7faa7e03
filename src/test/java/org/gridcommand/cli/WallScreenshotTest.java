package org.gridcommand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `gridcommand wall --screenshot` end to end in its own JVM, and a bad layout refused before any window. */
@Tag("ui")
class WallScreenshotTest {
    @TempDir
    Path temp;

    @Test
    void wallWritesAScreenshotOfTheRequestedSizeAndExitsZero() throws Exception {
        Path shot = temp.resolve("wall.png");
        Path log = temp.resolve("wall.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-Dprism.order=sw", "-Dgridcommand.assets=assets",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "wall", "--data-dir", temp.resolve("data").toString(), "--screenshot", shot.toString(),
                "--exit-after", "5", "--size", "1600x900", "--lang", "zh-CN"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(240, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished).as("wall finished in time; output:\n" + output).isTrue();
        assertThat(process.exitValue()).as("exit status; output:\n" + output).isZero();
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(900);
        // High contrast: the wall is mostly near-black with bright text and figures on it.
        int dark = 0;
        int bright = 0;
        int samples = 0;
        for (int y = 0; y < image.getHeight(); y += 5) {
            for (int x = 0; x < image.getWidth(); x += 5) {
                int rgb = image.getRGB(x, y);
                int luma = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
                dark += luma < 50 ? 1 : 0;
                bright += luma > 200 ? 1 : 0;
                samples++;
            }
        }
        assertThat(dark).as("dark background share").isGreaterThan(samples / 4);
        assertThat(bright).as("bright text and figures").isGreaterThan(samples / 200);
    }

    @Test
    void aBadLayoutFileIsRefusedWithItsPlace() throws Exception {
        Path layout = temp.resolve("wall.json");
        Files.writeString(layout, "{\"version\":1,\"columns\":2,\"rows\":1,\"panels\":[{\"show\":\"radar\",\"column\":0,\"row\":0}]}");
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setErr(new java.io.PrintWriter(err));
        int status = cli.execute("wall", "--layout", layout.toString(), "--data-dir", temp.resolve("d").toString());
        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("wall.json: panels[0].show: unknown panel \"radar\"");
        assertThat(temp.resolve("d")).as("nothing opened before the layout was read").doesNotExist();
    }
}
