package org.gridcommand.demo;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Deterministic ULIDs for demo data: the same seed must give the same ids, so the shared
 * {@code common.Ulid} (wall clock, SecureRandom) cannot be used. Same layout: 48-bit millisecond
 * time + 80 random bits, Crockford base32, 26 characters.
 */
final class DemoIds {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private DemoIds() {
    }

    static String ulid(Instant at, SplittableRandom random) {
        long millis = at.toEpochMilli();
        if (millis < 0 || millis >= (1L << 48)) {
            throw new IllegalArgumentException("instant outside the ULID time range: " + at);
        }
        long hi = random.nextInt(1 << 16);
        long lo = random.nextLong();
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        for (int i = 25; i >= 10; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo = (lo >>> 5) | ((hi & 31) << 59);
            hi >>>= 5;
        }
        return new String(out);
    }
}
