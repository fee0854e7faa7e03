package org.gridcommand.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.gridcommand.app.AppContext;
import org.gridcommand.drill.DrillScenario;
import org.gridcommand.drill.DrillScenarioReader;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.ui.drill.DrillLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "drill", mixinStandardHelpOptions = true,
        description = {"Run a drill: the console on a drill store of its own (never the live data), under the "
                + "演练 DRILL watermark, with the trainer's bar (F5 start/pause, F6 inject the next event now).",
                "SCENARIO is a shipped scenario's name (assets/scenarios) or a scenario file."})
public final class DrillCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "e.g. residential-fire-0845, or a .json file")
    String scenario;

    @Option(names = "--speed", paramLabel = "N", defaultValue = "1", description = "1, 2 or 10 (default: ${DEFAULT-VALUE}).")
    int speed;

    @Option(names = "--trainee", paramLabel = "NAME", description = "Who is on duty in the drill (default: Trainee).")
    String trainee;

    @Option(names = "--start", description = "Start the timeline as soon as the console shows.")
    boolean start;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1600x900", converter = WindowSize.Converter.class,
            description = "Window size (default: ${DEFAULT-VALUE}).")
    WindowSize size;

    @Option(names = "--screenshot", paramLabel = "FILE",
            description = "Start, send every event, write a PNG of the drill console, then exit.")
    Path screenshot;

    @Option(names = "--exit-after", paramLabel = "SECONDS", description = "Run for this long, then exit.")
    Double exitAfter;

    @Override
    public Integer call() throws Exception {
        if (!org.gridcommand.drill.DrillClock.SPEEDS.contains(speed)) {
            throw new IllegalArgumentException("--speed must be 1, 2 or 10, got " + speed);
        }
        DrillScenario s = scenario.endsWith(".json") ? DrillScenarioReader.read(Path.of(scenario))
                : DrillScenarioReader.readShipped(scenario);
        double seconds = exitAfter != null ? exitAfter : screenshot != null ? 10 : 0;
        if (seconds < 0) {
            throw new IllegalArgumentException("--exit-after must be 0 or more seconds, got " + seconds);
        }
        String name = trainee != null ? trainee : common.locale().getLanguage().equals("zh") ? "演练学员" : "Trainee";
        return DrillLauncher.run(() -> AppContext.openDemo(common.dataDir(), common.locale(), Clock.systemUTC()), s,
                new DrillLauncher.Options(size.width(), size.height(), new Operator(name, Role.DUTY_OFFICER), speed,
                        start || screenshot != null, screenshot != null, screenshot, seconds));
    }
}
