package org.gridcommand.cli;

import picocli.CommandLine.Option;

/** The UI language option alone, for a command whose --data-dir means something of its own. */
public final class LangOption {
    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "zh-CN",
            description = "UI language: zh-CN or en (default: ${DEFAULT-VALUE}).")
    String lang;
}
