package org.gridcommand.feed.sim;

import java.util.Random;

/**
 * Seeds made from several numbers, so that a piece of the field (a worker's leg, one fix's scatter) is a
 * function of what it belongs to rather than of how many random numbers were drawn before it. SplitMix64's
 * finaliser spreads every input bit; {@link Random} then draws from the seed, and {@link Random}'s
 * algorithm is fixed by its specification, so a seed gives the same field on every JVM.
 */
final class SimHash {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private SimHash() {
    }

    static long of(long a, long b) {
        return mix(mix(a + GOLDEN) ^ b);
    }

    static long of(long a, long b, long c) {
        return of(of(a, b), c);
    }

    /** A stable 64-bit hash of a text (FNV-1a): {@link String#hashCode} has only 32 bits. */
    static long of(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    static Random random(long a, long b) {
        return new Random(of(a, b));
    }

    static Random random(long a, long b, long c) {
        return new Random(of(a, b, c));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
