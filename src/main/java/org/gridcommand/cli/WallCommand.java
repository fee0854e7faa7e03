package org.gridcommand.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.gridcommand.app.AppContext;
import org.gridcommand.ui.wall.WallLauncher;
import org.gridcommand.ui.wall.WallStage;
import org.gridcommand.wall.WallDisplayLayout;
import org.gridcommand.wall.WallDisplayLayoutReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "wall", mixinStandardHelpOptions = true,
        description = {"Show the wall display: map, video mosaic, key figures, plans and latest events, read-only.",
                "Full screen on a monitor (--screen N), across all monitors (--span), or a window (--size).",
                "Only Ctrl+Shift+Q closes it."})
public final class WallCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--layout", paramLabel = "FILE",
            description = "Which panel goes where (JSON; default: assets/wall/default.json).")
    Path layoutFile;

    @Option(names = "--screen", paramLabel = "N", description = "Full screen on this monitor (0 = the first).")
    Integer screen;

    @Option(names = "--span", description = "One window across all monitors.")
    boolean span;

    @Option(names = "--size", paramLabel = "WxH", converter = WindowSize.Converter.class,
            description = "A window of this size instead of full screen, e.g. 3840x2160.")
    WindowSize size;

    @Option(names = "--screenshot", paramLabel = "FILE", description = "Write a PNG of the wall, then exit.")
    Path screenshot;

    @Option(names = "--exit-after", paramLabel = "SECONDS",
            description = "Render for this long, then exit (default 8 with --screenshot).")
    Double exitAfter;

    @Override
    public Integer call() throws Exception {
        int placements = (screen != null ? 1 : 0) + (span ? 1 : 0) + (size != null ? 1 : 0);
        if (placements > 1) {
            throw new IllegalArgumentException("choose one of --screen, --span and --size");
        }
        double seconds = exitAfter != null ? exitAfter : screenshot != null ? 8 : 0;
        if (seconds < 0) {
            throw new IllegalArgumentException("--exit-after must be 0 or more seconds, got " + seconds);
        }
        WallDisplayLayout layout = layoutFile != null ? WallDisplayLayoutReader.read(layoutFile) : WallDisplayLayoutReader.readDefault();
        WallStage.Placement placement = size != null ? new WallStage.Placement.Window(size.width(), size.height())
                : span ? new WallStage.Placement.Spanning()
                : screenshot != null && screen == null ? new WallStage.Placement.Window(1920, 1080)
                : new WallStage.Placement.OnScreen(screen == null ? 0 : screen);
        return WallLauncher.run(() -> AppContext.openDemo(common.dataDir(), common.locale(), Clock.systemUTC()),
                new WallLauncher.Options(layout, placement, screenshot, seconds));
    }
}
