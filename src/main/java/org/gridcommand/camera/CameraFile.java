package org.gridcommand.camera;

import java.util.List;
import java.util.Objects;
import org.gridcommand.geo.Datum;

/**
 * A camera registry file as read and checked: the cameras of its good rows (WGS-84, small grid assigned when a
 * district was given) and every problem found. Import it only when {@link #clean()}: all or nothing.
 *
 * @param rows how many camera rows (CSV records or JSON objects) the file holds, good or bad
 */
public record CameraFile(String source, Datum datum, int rows, List<Camera> cameras, List<CameraProblem> problems) {
    public CameraFile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(datum, "datum");
        cameras = List.copyOf(cameras);
        problems = List.copyOf(problems);
    }

    public long errors() {
        return problems.stream().filter(p -> !p.warning()).count();
    }

    public long warnings() {
        return problems.stream().filter(CameraProblem::warning).count();
    }

    /** True when no problem is an error (warnings do not stop an import). */
    public boolean clean() {
        return errors() == 0;
    }

    /** E.g. {@code 408 cameras: 0 errors, 1 warning}. */
    public String summary() {
        return plural(rows, "camera") + ": " + plural(errors(), "error") + ", " + plural(warnings(), "warning");
    }

    /** The summary line, then one line per problem in file order. */
    public List<String> lines() {
        java.util.ArrayList<String> lines = new java.util.ArrayList<>(problems.size() + 1);
        lines.add(summary());
        problems.forEach(p -> lines.add(p.toLine()));
        return lines;
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
