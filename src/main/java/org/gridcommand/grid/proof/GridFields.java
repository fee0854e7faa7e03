package org.gridcommand.grid.proof;

import java.util.Locale;

/**
 * Where a grid file keeps what the console needs, for files that use their own property (GeoJSON) or column (CSV)
 * names: a district's boundary file calls the code {@code adcode}, for instance. A name is matched regardless of
 * case; in GeoJSON a dotted name reaches into an object ({@code parent.adcode} for
 * {@code "parent": {"adcode": 440400}}). Null means the console's own name; {@code level} null means the level
 * of each feature is told from the codes and parents (see {@link GridProof}).
 *
 * @param code   the property holding the grid code (default {@code code})
 * @param name   the property holding the name the district knows the grid by (default {@code name})
 * @param parent the property holding a small grid's big grid code (default {@code parent})
 * @param level  the level of every feature of the file, or null to infer it
 */
public record GridFields(String code, String name, String parent, GridLevel level) {
    /** The console's own names ({@code code}, {@code name}, {@code parent}), levels inferred. */
    public static final GridFields OURS = new GridFields(null, null, null, null);

    public GridFields {
        code = blankToNull(code);
        name = blankToNull(name);
        parent = blankToNull(parent);
    }

    String codeField() {
        return code != null ? code : "code";
    }

    String nameField() {
        return name != null ? name : "name";
    }

    String parentField() {
        return parent != null ? parent : "parent";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
    }
}
