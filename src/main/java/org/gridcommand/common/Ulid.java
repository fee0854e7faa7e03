package org.gridcommand.common;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Client-side keys (ULID: 48-bit millisecond time + 80 random bits, Crockford base32, 26 chars).
 * A seat creates keys offline without asking a server, and keys sort by creation time.
 * Within one millisecond the random part is incremented, so keys from one generator stay ordered.
 */
public final class Ulid {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Ulid DEFAULT = new Ulid(Clock.systemUTC(), new SecureRandom());

    private final Clock clock;
    private final java.util.Random random;
    private long lastMillis = -1;
    private long randomHigh; // 16 bits
    private long randomLow;  // 64 bits

    public Ulid(Clock clock, java.util.Random random) {
        this.clock = clock;
        this.random = random;
    }

    public static String next() {
        return DEFAULT.nextId();
    }

    public synchronized String nextId() {
        long now = clock.millis();
        if (now <= lastMillis) {
            now = lastMillis;
            randomLow++;
            if (randomLow == 0) {
                randomHigh = (randomHigh + 1) & 0xFFFF;
            }
        } else {
            lastMillis = now;
            randomHigh = random.nextInt(1 << 16);
            randomLow = random.nextLong();
        }
        return encode(now, randomHigh, randomLow);
    }

    /** Encodes a ULID from its parts (48-bit time, 16 + 64 random bits); demo data uses it with seeded bits. */
    public static String encode(long millis, long high16, long low64) {
        char[] out = new char[26];
        // 48 bits of time -> 10 chars (50 bits, top 2 zero)
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        // 80 random bits -> 16 chars
        long hi = high16;
        long lo = low64;
        for (int i = 25; i >= 10; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo = (lo >>> 5) | ((hi & 31) << 59);
            hi >>>= 5;
        }
        return new String(out);
    }

    public static boolean isValid(String id) {
        if (id == null || id.length() != 26) {
            return false;
        }
        for (char c : id.toCharArray()) {
            if (java.util.Arrays.binarySearch(ALPHABET, c) < 0) {
                return false;
            }
        }
        return id.charAt(0) <= '7';
    }
}
