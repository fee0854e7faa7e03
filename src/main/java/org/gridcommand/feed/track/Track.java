package org.gridcommand.feed.track;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.geo.GeoPoint;

/**
 * One worker's GPS track: fixes in strictly increasing time order, held as primitive arrays (a worker-day
 * at 5 s sampling is 17,280 fixes; a district-day 2.7 M). Immutable.
 *
 * <p>Made from the store's time-ordered fixes; unordered input is sorted, and a second fix at the same
 * instant as an earlier one is dropped (a redelivered or doubled message).
 */
public final class Track {
    private final String workerId;
    private final long[] millis;
    private final double[] lon;
    private final double[] lat;

    private Track(String workerId, long[] millis, double[] lon, double[] lat) {
        this.workerId = workerId;
        this.millis = millis;
        this.lon = lon;
        this.lat = lat;
    }

    /** A worker's fixes (all of the same worker; any order). */
    public static Track of(String workerId, Collection<GpsFix> fixes) {
        Objects.requireNonNull(workerId, "workerId");
        List<GpsFix> sorted = new ArrayList<>(fixes);
        boolean ordered = true;
        for (int i = 0; i < sorted.size(); i++) {
            GpsFix f = sorted.get(i);
            if (!workerId.equals(f.workerId())) {
                throw new IllegalArgumentException("fix " + f.messageId() + " is worker " + f.workerId()
                        + "'s, not " + workerId + "'s");
            }
            if (i > 0 && f.at().isBefore(sorted.get(i - 1).at())) {
                ordered = false;
            }
        }
        if (!ordered) {
            sorted.sort(Comparator.comparing(GpsFix::at));
        }
        long[] t = new long[sorted.size()];
        double[] x = new double[sorted.size()];
        double[] y = new double[sorted.size()];
        int n = 0;
        for (GpsFix f : sorted) {
            long ms = f.at().toEpochMilli();
            if (n > 0 && ms <= t[n - 1]) {
                continue;
            }
            t[n] = ms;
            x[n] = f.position().lon();
            y[n] = f.position().lat();
            n++;
        }
        return new Track(workerId, Arrays.copyOf(t, n), Arrays.copyOf(x, n), Arrays.copyOf(y, n));
    }

    /** The fixes of one worker; workerId is taken from the first fix (an empty list has none: use the other factory). */
    public static Track of(List<GpsFix> fixes) {
        if (fixes.isEmpty()) {
            throw new IllegalArgumentException("an empty list names no worker: use Track.of(workerId, fixes)");
        }
        return of(fixes.get(0).workerId(), fixes);
    }

    /**
     * A track from parallel arrays (epoch milliseconds, WGS-84 lon and lat), for bulk sources; the arrays are
     * copied and must be in strictly increasing time order.
     */
    public static Track ofArrays(String workerId, long[] epochMillis, double[] lon, double[] lat) {
        Objects.requireNonNull(workerId, "workerId");
        int n = epochMillis.length;
        if (lon.length != n || lat.length != n) {
            throw new IllegalArgumentException("times, longitudes and latitudes differ in length");
        }
        for (int i = 1; i < n; i++) {
            if (epochMillis[i] <= epochMillis[i - 1]) {
                throw new IllegalArgumentException("times must increase strictly (index " + i + ")");
            }
        }
        return new Track(workerId, epochMillis.clone(), lon.clone(), lat.clone());
    }

    public String workerId() {
        return workerId;
    }

    public int size() {
        return millis.length;
    }

    public boolean isEmpty() {
        return millis.length == 0;
    }

    public Instant time(int i) {
        return Instant.ofEpochMilli(millis[i]);
    }

    public long epochMilli(int i) {
        return millis[i];
    }

    public double lon(int i) {
        return lon[i];
    }

    public double lat(int i) {
        return lat[i];
    }

    public GeoPoint point(int i) {
        return new GeoPoint(lon[i], lat[i]);
    }

    /** The first fix's time; empty for an empty track. */
    public Optional<Instant> start() {
        return isEmpty() ? Optional.empty() : Optional.of(time(0));
    }

    /** The last fix's time; empty for an empty track. */
    public Optional<Instant> end() {
        return isEmpty() ? Optional.empty() : Optional.of(time(size() - 1));
    }

    /** The part of the track with {@code from <= at < to}. */
    public Track window(Instant from, Instant to) {
        int a = firstAtOrAfter(from.toEpochMilli());
        int b = firstAtOrAfter(to.toEpochMilli());
        if (b < a) {
            b = a;
        }
        return new Track(workerId, Arrays.copyOfRange(millis, a, b), Arrays.copyOfRange(lon, a, b),
                Arrays.copyOfRange(lat, a, b));
    }

    /** Index of the first fix at or after the time, or size() when there is none. */
    public int firstAtOrAfter(long epochMilli) {
        int i = Arrays.binarySearch(millis, epochMilli);
        return i >= 0 ? i : -i - 1;
    }

    /** Index of the last fix at or before the time, or -1 when there is none. */
    public int lastAtOrBefore(long epochMilli) {
        int i = Arrays.binarySearch(millis, epochMilli);
        return i >= 0 ? i : -i - 2;
    }

    /**
     * The position at t: the fix itself at a fix's time, else the linear interpolation (in lon/lat, exact
     * enough over a few seconds' walk) between the fixes before and after t. Empty before the first fix,
     * after the last one, and inside a gap (fixes around t further apart than {@code gapLimit}).
     */
    public Optional<GeoPoint> positionAt(Instant t, Duration gapLimit) {
        long ms = t.toEpochMilli();
        int i = lastAtOrBefore(ms);
        if (i < 0) {
            return Optional.empty();
        }
        if (millis[i] == ms) {
            return Optional.of(point(i));
        }
        if (i + 1 >= size()) {
            return Optional.empty();
        }
        long span = millis[i + 1] - millis[i];
        if (span > gapLimit.toMillis()) {
            return Optional.empty();
        }
        double f = (ms - millis[i]) / (double) span;
        return Optional.of(new GeoPoint(lon[i] + f * (lon[i + 1] - lon[i]), lat[i] + f * (lat[i + 1] - lat[i])));
    }

    /** Time from t to the nearest fix (either side); empty for an empty track. */
    public Optional<Duration> ageOfNearestFix(Instant t) {
        if (isEmpty()) {
            return Optional.empty();
        }
        long ms = t.toEpochMilli();
        int i = lastAtOrBefore(ms);
        long best = Long.MAX_VALUE;
        if (i >= 0) {
            best = ms - millis[i];
        }
        if (i + 1 < size()) {
            best = Math.min(best, millis[i + 1] - ms);
        }
        return Optional.of(Duration.ofMillis(best));
    }

    /** The gaps: consecutive fixes more than {@code gapLimit} apart. */
    public List<Gap> gaps(Duration gapLimit) {
        long limit = gapLimit.toMillis();
        List<Gap> out = new ArrayList<>();
        for (int i = 1; i < size(); i++) {
            if (millis[i] - millis[i - 1] > limit) {
                out.add(new Gap(workerId, time(i - 1), time(i)));
            }
        }
        return out;
    }

    /** The fixes as points (for drawing). */
    public List<GeoPoint> points() {
        List<GeoPoint> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(point(i));
        }
        return out;
    }

    @Override
    public String toString() {
        return "Track[" + workerId + ", " + size() + " fixes" + (isEmpty() ? "" : ", " + time(0) + " .. " + time(size() - 1)) + "]";
    }
}
