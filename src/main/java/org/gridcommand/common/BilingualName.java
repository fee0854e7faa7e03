package org.gridcommand.common;

import java.util.Locale;
import java.util.Objects;

/** A name as the district writes it (Chinese) and as it reads in English or pinyin. */
public record BilingualName(String zh, String en) {
    public BilingualName {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    public String in(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? zh : en;
    }
}
