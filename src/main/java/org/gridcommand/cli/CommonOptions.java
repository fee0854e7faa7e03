package org.gridcommand.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.gridcommand.common.Messages;
import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the local store lives (default: ~/.gridcommand).")
    Path dataDir;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "zh-CN",
            description = "UI language: zh-CN or en (default: ${DEFAULT-VALUE}).")
    String lang;

    public Path dataDir() {
        return dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".gridcommand");
    }

    public Locale locale() {
        return Messages.parseLanguage(lang);
    }
}
