package org.gridcommand.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.gridcommand.demo.DemoDistrictGenerator;
import org.gridcommand.bench.locate.LocateBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench locate}: the grid locator beside plain JTS on the demo district. Needs no store: the district
 * comes straight from the generator, so the figures do not depend on what a seat has loaded.
 */
@Command(name = "locate", mixinStandardHelpOptions = true,
        description = "Points per second of the grid locator beside JTS STRtree + PreparedGeometry, one thread.")
public final class BenchLocateCommand implements Callable<Integer> {
    /** The options every command takes (README); this one uses no store, so --data-dir changes nothing here. */
    @picocli.CommandLine.Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--points", paramLabel = "N", defaultValue = "2000000",
            description = "Random points in the district's bounding box (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "5",
            description = "Timed rounds after the warm-up; the median counts (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "Seed of the random points (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (points < 1 || points > 50_000_000) {
            err.println("gridcommand: --points must be 1 to 50000000, got " + points);
            return 2;
        }
        if (rounds < 1 || rounds > 100) {
            err.println("gridcommand: --rounds must be 1 to 100, got " + rounds);
            return 2;
        }
        LocateBenchmark bench = new LocateBenchmark(DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED).district());
        LocateBenchmark.Result result = bench.run(points, rounds, seed, line -> {
            out.println(line);
            out.flush();
        });
        for (String example : result.examples()) {
            out.println("  disagreement " + example);
        }
        out.println(result.line());
        out.flush();
        if (!result.agrees()) {
            err.println("gridcommand: the grid locator and JTS disagree on " + result.offEdgeDisagreements()
                    + " points that lie on no grid edge");
            return 1;
        }
        return 0;
    }
}
