package org.gridcommand.feed;

import java.util.Objects;

/**
 * The parser's limits.
 *
 * @param districtCode        the district code in every topic ({@code gc/v1/<districtCode>/…})
 * @param region              where a position can plausibly be (WGS-84)
 * @param maxSpeedKmh         fastest a grid worker moves between two fixes (foot or e-bike)
 * @param jumpAllowanceMetres distance always allowed between two fixes on top of the speed (GPS scatter)
 * @param plausibility        how old and how far ahead of its receipt each kind of message may be dated
 * @param maxPayloadBytes     larger payloads are refused unread
 */
public record FeedParserSettings(String districtCode, PlausibleRegion region, double maxSpeedKmh,
                                 double jumpAllowanceMetres, FeedPlausibility plausibility, int maxPayloadBytes) {
    public static final double DEFAULT_MAX_SPEED_KMH = 50;
    public static final double DEFAULT_JUMP_ALLOWANCE_METRES = 100;
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;

    public FeedParserSettings {
        Objects.requireNonNull(districtCode, "districtCode");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(plausibility, "plausibility");
        if (!(maxSpeedKmh > 0) || !(jumpAllowanceMetres >= 0) || maxPayloadBytes < 256) {
            throw new IllegalArgumentException("speed must be > 0, allowance >= 0, payload limit >= 256");
        }
    }

    /** 50 km/h, 100 m allowance, the shipped time windows ({@code assets/feed/plausibility.json}), 64 KiB. */
    public static FeedParserSettings defaults(String districtCode, PlausibleRegion region) {
        return new FeedParserSettings(districtCode, region, DEFAULT_MAX_SPEED_KMH, DEFAULT_JUMP_ALLOWANCE_METRES,
                FeedPlausibility.loadDefault(), DEFAULT_MAX_PAYLOAD_BYTES);
    }

    public FeedParserSettings withMaxSpeedKmh(double kmh) {
        return new FeedParserSettings(districtCode, region, kmh, jumpAllowanceMetres, plausibility, maxPayloadBytes);
    }

    public FeedParserSettings withRegion(PlausibleRegion r) {
        return new FeedParserSettings(districtCode, r, maxSpeedKmh, jumpAllowanceMetres, plausibility, maxPayloadBytes);
    }

    public FeedParserSettings withPlausibility(FeedPlausibility p) {
        return new FeedParserSettings(districtCode, region, maxSpeedKmh, jumpAllowanceMetres, p, maxPayloadBytes);
    }
}
