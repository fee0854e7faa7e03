package org.gridcommand.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** UI and CLI text from the resource bundles (i18n/messages, zh-CN and en). */
public final class Messages {
    public static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;
    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        // Root bundle is English; no fallback to the JVM's default locale, so --lang en always means English.
        this.bundle = ResourceBundle.getBundle("i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages forLocale(Locale locale) {
        return new Messages(locale);
    }

    /** Parses the --lang value: zh-CN (or zh) and en are supported. */
    public static Locale parseLanguage(String tag) {
        if (tag == null) {
            return ZH_CN;
        }
        return switch (tag.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "zh", "zh-cn", "zh-hans" -> ZH_CN;
            case "en", "en-us", "en-gb" -> Locale.ENGLISH;
            default -> throw new IllegalArgumentException("unsupported language '" + tag + "' (use zh-CN or en)");
        };
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    public String format(String key, Object... args) {
        return new MessageFormat(get(key), locale).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public ResourceBundle bundle() {
        return bundle;
    }
}
