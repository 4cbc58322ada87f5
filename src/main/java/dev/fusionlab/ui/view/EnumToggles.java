package dev.fusionlab.ui.view;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ToggleButton;
import org.controlsfx.control.SegmentedButton;

/** A segmented button kept in sync with an enum property, both ways; one toggle always stays selected. */
final class EnumToggles {

    private EnumToggles() {
    }

    static <E extends Enum<E>> SegmentedButton segmented(List<E> values, ObjectProperty<E> property,
                                                         Function<E, String> text, String idPrefix) {
        SegmentedButton group = new SegmentedButton();
        for (E value : values) {
            ToggleButton b = new ToggleButton(text.apply(value));
            b.setUserData(value);
            b.setId(idPrefix + value.name().toLowerCase(Locale.ROOT));
            b.setSelected(value == property.get());
            group.getButtons().add(b);
        }
        group.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // never leave the group empty
            } else {
                @SuppressWarnings("unchecked")
                E value = (E) now.getUserData();
                property.set(value);
            }
        });
        property.addListener((obs, old, now) -> group.getButtons().forEach(b -> b.setSelected(b.getUserData() == now)));
        return group;
    }
}
