package org.gridcommand.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void chineseAndEnglishBundlesHaveTheSameKeys() throws Exception {
        // Read the files themselves: a bundle's keySet() would also show keys inherited from the root.
        Set<String> en = keysOf("/i18n/messages.properties");
        Set<String> zh = keysOf("/i18n/messages_zh_CN.properties");
        assertThat(zh).isEqualTo(en);
        assertThat(en).hasSizeGreaterThan(40);
    }

    private static Set<String> keysOf(String resource) throws java.io.IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = new java.io.InputStreamReader(MessagesTest.class.getResourceAsStream(resource),
                java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void languagesResolveToTheirOwnText() {
        assertThat(Messages.forLocale(Messages.ZH_CN).get("map.title")).isEqualTo("网格地图");
        assertThat(Messages.forLocale(Locale.ENGLISH).get("map.title")).isEqualTo("Grid map");
        assertThat(Messages.forLocale(Messages.ZH_CN).format("queue.subtitle", 3, 40)).isEqualTo("待办 3 · 今日 40");
    }

    @Test
    void langOptionAcceptsZhCnAndEnAndRefusesOthersByName() {
        assertThat(Messages.parseLanguage("zh-CN")).isEqualTo(Messages.ZH_CN);
        assertThat(Messages.parseLanguage("en")).isEqualTo(Locale.ENGLISH);
        assertThatThrownBy(() -> Messages.parseLanguage("fr")).hasMessageContaining("'fr'").hasMessageContaining("zh-CN");
    }
}
