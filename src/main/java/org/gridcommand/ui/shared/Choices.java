package org.gridcommand.ui.shared;

import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** Ties a combo box of {@link Choice}s to a view-model property holding the bare value. */
public final class Choices {
    private Choices() {
    }

    public static <T> void bind(ComboBox<Choice<T>> box, ObjectProperty<T> value) {
        box.setConverter(converter());
        bind(box.getItems(), box.valueProperty(), value);
    }

    /** The same for a choice box: lighter than a combo box (no editor, its list made when first opened). */
    public static <T> void bind(ChoiceBox<Choice<T>> box, ObjectProperty<T> value) {
        box.setConverter(converter());
        bind(box.getItems(), box.valueProperty(), value);
    }

    private static <T> StringConverter<Choice<T>> converter() {
        return new StringConverter<>() {
            @Override
            public String toString(Choice<T> c) {
                return c == null ? "" : c.label();
            }

            @Override
            public Choice<T> fromString(String s) {
                return null;
            }
        };
    }

    private static <T> void bind(ObservableList<Choice<T>> items, ObjectProperty<Choice<T>> shown,
                                 ObjectProperty<T> value) {
        shown.set(find(items, value.get()));
        shown.addListener((o, a, b) -> value.set(b == null ? null : b.value()));
        value.addListener((o, a, b) -> {
            Choice<T> c = find(items, b);
            if (shown.get() != c) {
                shown.set(c);
            }
        });
    }

    private static <T> Choice<T> find(ObservableList<Choice<T>> items, T v) {
        for (Choice<T> c : items) {
            if (Objects.equals(c.value(), v)) {
                return c;
            }
        }
        return null;
    }
}
