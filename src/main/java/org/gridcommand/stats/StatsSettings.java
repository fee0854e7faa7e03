package org.gridcommand.stats;

import org.gridcommand.common.AssetJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gridcommand.cases.Channel;
import org.gridcommand.common.AssetLocator;

/**
 * The statistics settings in {@code assets/stats/indicators.json}: which channels count as found actively
 * and which as found by machines, and the response-time percentiles to report. Local policy, so data.
 */
public record StatsSettings(Set<Channel> activeChannels, Set<Channel> machineChannels, List<Double> percentiles) {
    public static final String DEFAULT_ASSET = "stats/indicators.json";

    public StatsSettings {
        activeChannels = Collections.unmodifiableSet(activeChannels.isEmpty()
                ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(activeChannels));
        machineChannels = Collections.unmodifiableSet(machineChannels.isEmpty()
                ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(machineChannels));
        percentiles = List.copyOf(percentiles);
    }

    public static StatsSettings loadDefault() {
        return load(AssetLocator.resolve(DEFAULT_ASSET));
    }

    public static StatsSettings load(Path file) {
        String name = String.valueOf(file.getFileName());
        JsonNode root = AssetJson.readObject(file);
        Set<Channel> active = channels(root, "activeChannels", name);
        Set<Channel> machine = channels(root, "machineChannels", name);
        JsonNode list = AssetJson.array(root, "percentiles", name + ": ");
        if (list.isEmpty()) {
            throw new IllegalArgumentException(name + ": \"percentiles\" is empty: list at least one, e.g. [50, 90, 95]");
        }
        List<Double> percentiles = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            if (!p.isNumber() || !(p.asDouble() > 0 && p.asDouble() <= 100)) {
                throw new IllegalArgumentException(name + ": percentiles entry " + (i + 1) + ": " + p
                        + " is not a percentile in (0, 100]");
            }
            percentiles.add(p.asDouble());
        }
        return new StatsSettings(active, machine, percentiles);
    }

    private static Set<Channel> channels(JsonNode root, String field, String name) {
        JsonNode list = AssetJson.array(root, field, name + ": ");
        Set<Channel> out = EnumSet.noneOf(Channel.class);
        for (int i = 0; i < list.size(); i++) {
            Channel c = AssetJson.enumValue(list.get(i), Channel.class, name + ": " + field + " entry " + (i + 1) + ": ");
            if (!out.add(c)) {
                throw new IllegalArgumentException(name + ": " + field + " entry " + (i + 1) + ": " + c + " is listed twice");
            }
        }
        return out;
    }
}
