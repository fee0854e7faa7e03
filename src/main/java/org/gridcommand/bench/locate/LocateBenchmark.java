package org.gridcommand.bench.locate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.gridcommand.grid.District;
import org.gridcommand.grid.GridLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * {@code bench locate}: points per second of {@link GridLocator} beside the plain JTS answer
 * ({@link JtsBaselineLocator}) on the same points, one thread.
 * Both answer every point in every timed round and their answers are compared afterwards, so a fast but wrong
 * locator cannot pass: any disagreement on a point that is not on a grid edge fails the run.
 */
public final class LocateBenchmark {
    /** Name of the baseline in the result line. */
    public static final String BASELINE = "jts-strtree-prepared";
    /** A point this close (degrees, ~0.1 mm) to a grid boundary counts as on the edge, where the owner rules differ. */
    static final double ON_EDGE_DEGREES = 1e-9;
    private static final int SHOWN_DISAGREEMENTS = 20;

    /**
     * @param offEdgeDisagreements how many points off every edge got different answers (must be 0)
     * @param examples             up to 20 of them, described
     */
    public record Result(int points, int rounds, double outsideShare, double locatorPointsPerSecond,
                         double baselinePointsPerSecond, int offEdgeDisagreements, int onEdgeDisagreements,
                         List<String> examples) {
        public Result {
            examples = List.copyOf(examples);
        }

        public double ratio() {
            return locatorPointsPerSecond / baselinePointsPerSecond;
        }

        public boolean agrees() {
            return offEdgeDisagreements == 0;
        }

        /** The closing line every benchmark prints: figure, baseline, ratio. */
        public String line() {
            return String.format(Locale.ROOT, "bench locate: %d points/s; baseline %s %d points/s; ratio %.1f",
                    Math.round(locatorPointsPerSecond), BASELINE, Math.round(baselinePointsPerSecond), ratio());
        }
    }

    private final District district;
    private final GridLocator locator;
    private final JtsBaselineLocator baseline;
    private final GeometryFactory factory = new GeometryFactory();

    public LocateBenchmark(District district) {
        this.district = district;
        this.locator = new GridLocator(district);
        this.baseline = new JtsBaselineLocator(locator.grids());
    }

    /**
     * Runs the benchmark on {@code points} random points in the district's bounding box (seeded, so every run
     * measures the same points), {@code rounds} timed rounds after a warm-up; progress goes to the consumer.
     */
    public Result run(int points, int rounds, long seed, Consumer<String> progress) {
        if (points < 1) {
            throw new IllegalArgumentException("points must be at least 1, got " + points);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        Envelope box = district.outline().getEnvelopeInternal();
        double[] xs = new double[points];
        double[] ys = new double[points];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < points; i++) {
            xs[i] = box.getMinX() + random.nextDouble() * box.getWidth();
            ys[i] = box.getMinY() + random.nextDouble() * box.getHeight();
        }
        int[] mine = new int[points];
        int[] theirs = new int[points];

        // Warm-up on a prefix long enough for the JIT to compile both hot loops fully (JTS's deep call chains
        // need more than a few hundred thousand calls before C2 is done with them).
        int warm = Math.min(points, 500_000);
        for (int k = 0; k < 5; k++) {
            timeLocator(xs, ys, mine, warm);
            timeBaseline(xs, ys, theirs, warm);
        }
        int outside = 0;
        for (int i = 0; i < points; i++) {
            outside += locator.locateIndex(xs[i], ys[i]) < 0 ? 1 : 0;
        }
        double outsideShare = outside / (double) points;
        progress.accept(String.format(Locale.ROOT,
                "bench locate: %d points in %.4f..%.4f E, %.4f..%.4f N (%.1f %% outside the district), %d grids, %d rounds",
                points, box.getMinX(), box.getMaxX(), box.getMinY(), box.getMaxY(), 100 * outsideShare,
                locator.grids().size(), rounds));

        double[] mineRate = new double[rounds];
        double[] theirRate = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            mineRate[r] = points / (timeLocator(xs, ys, mine, points) / 1e9);
            theirRate[r] = points / (timeBaseline(xs, ys, theirs, points) / 1e9);
            progress.accept(String.format(Locale.ROOT,
                    "round %d/%d: grid-locator %.0f points/s, %s %.0f points/s", r + 1, rounds, mineRate[r], BASELINE,
                    theirRate[r]));
        }

        int offEdge = 0;
        int onEdge = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            if (mine[i] == theirs[i]) {
                continue;
            }
            if (onEdge(xs[i], ys[i], mine[i]) || onEdge(xs[i], ys[i], theirs[i])) {
                onEdge++;
                continue;
            }
            offEdge++;
            if (examples.size() < SHOWN_DISAGREEMENTS) {
                examples.add(String.format(Locale.ROOT, "%.9f %.9f: grid-locator %s, %s %s", xs[i], ys[i],
                        name(mine[i]), BASELINE, name(theirs[i])));
            }
        }
        progress.accept(String.format(Locale.ROOT,
                "agreement: %d of %d points answered alike; %d disagreements on grid edges, %d off edges",
                points - offEdge - onEdge, points, onEdge, offEdge));
        return new Result(points, rounds, outsideShare, median(mineRate), median(theirRate), offEdge, onEdge, examples);
    }

    private long timeLocator(double[] xs, double[] ys, int[] out, int n) {
        GridLocator l = locator;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            out[i] = l.locateIndex(xs[i], ys[i]);
        }
        return System.nanoTime() - start;
    }

    private long timeBaseline(double[] xs, double[] ys, int[] out, int n) {
        JtsBaselineLocator b = baseline;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            out[i] = b.locateIndex(xs[i], ys[i]);
        }
        return System.nanoTime() - start;
    }

    private boolean onEdge(double x, double y, int grid) {
        if (grid < 0) {
            return false;
        }
        Point p = factory.createPoint(new Coordinate(x, y));
        return locator.grid(grid).area().getBoundary().distance(p) <= ON_EDGE_DEGREES;
    }

    private String name(int grid) {
        return grid < 0 ? "outside" : locator.grid(grid).code().value();
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
