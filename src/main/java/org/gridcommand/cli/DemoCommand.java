package org.gridcommand.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.gridcommand.app.AppContext;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.ui.ConsoleLauncher;
import org.gridcommand.ui.ConsoleOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Open the console on the demo district (seeded into the local store on first run).")
public final class DemoCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--screenshot", paramLabel = "FILE", description = "Write a PNG of the window, then exit.")
    Path screenshot;

    @Option(names = "--exit-after", paramLabel = "SECONDS",
            description = "Render for this long, then exit (default 8 with --screenshot).")
    Double exitAfter;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1600x900", converter = WindowSize.Converter.class,
            description = "Window size, e.g. 1920x1080 (default: ${DEFAULT-VALUE}).")
    WindowSize size;

    @Option(names = "--operator", paramLabel = "NAME", description = "Operator on duty (skips the sign-on question).")
    String operator;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "DUTY_OFFICER",
            description = "Role of --operator: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Role role;

    @Option(names = "--broker", paramLabel = "URL",
            description = "Take the field feed from this MQTT broker (tcp://host:1883 or ssl://…) instead of the "
                    + "built-in simulation; run ./gridcommand simulate against it to see workers move.")
    String broker;

    @Option(names = "--no-field", description = "No field feed at all (no simulated patrols).")
    boolean noField;

    @Override
    public Integer call() throws Exception {
        double seconds = exitAfter != null ? exitAfter : screenshot != null ? 8 : 0;
        if (seconds < 0) {
            throw new IllegalArgumentException("--exit-after must be 0 or more seconds, got " + seconds);
        }
        Operator onDuty = operator != null ? new Operator(operator, role)
                // A timed run has nobody to answer the question: it signs on as the demo operator.
                : seconds > 0 ? new Operator(demoOperatorName(), Role.DUTY_OFFICER) : null;
        return ConsoleLauncher.run(() -> AppContext.openDemo(common.dataDir(), common.locale(), Clock.systemUTC()),
                new ConsoleOptions(size.width(), size.height(), screenshot, seconds, onDuty, common.locale(),
                        broker, !noField && broker == null));
    }

    private String demoOperatorName() {
        return common.locale().getLanguage().equals("zh") ? "演示值班员" : "Demo duty officer";
    }
}
