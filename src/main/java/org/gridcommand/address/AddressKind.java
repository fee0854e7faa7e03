package org.gridcommand.address;

import java.util.Locale;
import java.util.Optional;

/**
 * What a standard address (标准地址) names, from the road down to the unit, plus points of interest. Register
 * files write the kind in English or in Chinese.
 */
public enum AddressKind {
    ROAD("道路"), HOUSE("门牌"), COMPOUND("小区"), BUILDING("楼栋"), UNIT("单元"), POI("兴趣点");

    private final String chinese;

    AddressKind(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** The kind a file writes, in either language and any case; empty for anything else. */
    public static Optional<AddressKind> parse(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String w = written.strip();
        for (AddressKind k : values()) {
            if (k.name().equalsIgnoreCase(w) || k.chinese.equals(w)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
