package org.gridcommand.ui.shared;

/** An item of a filter or form list: the value (null for "any") and the words shown for it. */
public record Choice<T>(T value, String label) {
    @Override
    public String toString() {
        return label;
    }
}
