package org.gridcommand.cli;

import java.util.Locale;
import org.gridcommand.grid.proof.GridFields;
import org.gridcommand.grid.proof.GridLevel;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where a grid file keeps code, name and parent when it uses its own names, and which level its features are. */
final class GridFieldOptions {
    @Option(names = "--code-field", paramLabel = "NAME",
            description = "Property (GeoJSON) or column (CSV) holding the grid code (default: code), e.g. adcode.")
    String code;

    @Option(names = "--name-field", paramLabel = "NAME",
            description = "Property or column holding the grid's name (default: name).")
    String name;

    @Option(names = "--parent-field", paramLabel = "NAME",
            description = "Property or column holding a small grid's big grid code (default: parent); a dotted name "
                    + "reaches into an object: parent.adcode for \"parent\": {\"adcode\": 440400}.")
    String parent;

    @Option(names = "--level", paramLabel = "big|small", converter = LevelConverter.class,
            description = "Every feature of the file is a big (or small) grid, whatever its code says; an import "
                    + "then replaces only that level and keeps the store's grids of the other.")
    GridLevel level;

    GridFields fields() {
        return new GridFields(code, name, parent, level);
    }

    /** --level values: big or small. */
    static final class LevelConverter implements CommandLine.ITypeConverter<GridLevel> {
        @Override
        public GridLevel convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "big" -> GridLevel.BIG;
                case "small" -> GridLevel.SMALL;
                default -> throw new CommandLine.TypeConversionException(
                        "unknown level '" + value + "' (use big or small)");
            };
        }
    }
}
