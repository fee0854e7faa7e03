package org.gridcommand.demo;

import java.time.Instant;
import java.util.SplittableRandom;
import org.gridcommand.common.Ulid;

/**
 * Deterministic ULIDs and shuffles for demo data: the same seed must give the same ids, so the shared
 * {@code common.Ulid} (wall clock, SecureRandom) cannot be used. Same layout: 48-bit millisecond
 * time + 80 random bits, Crockford base32, 26 characters.
 */
final class DemoIds {

    private DemoIds() {
    }

    static String ulid(Instant at, SplittableRandom random) {
        long millis = at.toEpochMilli();
        if (millis < 0 || millis >= (1L << 48)) {
            throw new IllegalArgumentException("instant outside the ULID time range: " + at);
        }
        return Ulid.encode(millis, random.nextInt(1 << 16), random.nextLong());
    }

    /** 0..n-1 in a seeded random order (Fisher-Yates). */
    static int[] shuffledIndices(int n, SplittableRandom random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
