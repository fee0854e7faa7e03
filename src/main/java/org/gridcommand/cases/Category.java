package org.gridcommand.cases;

import org.gridcommand.common.BilingualName;

/** A case category: a major class (majorCode == null) or a minor class under one. */
public record Category(String code, BilingualName name, String majorCode) {
    public boolean isMajor() {
        return majorCode == null;
    }
}
