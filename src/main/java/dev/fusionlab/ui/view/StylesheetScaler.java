package dev.fusionlab.ui.view;

import dev.fusionlab.ui.model.TextSize;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableList;

/**
 * Swaps the workbench's stylesheets for copies with every font size scaled ({@link TextSize}), as
 * {@code data:} URIs, and back; a list holding a scaled copy is recognised and rescaled.
 */
final class StylesheetScaler {

    private final Map<String, String> originalOf = new HashMap<>();
    private final Map<String, String> css = new HashMap<>();

    /** Replaces every stylesheet of {@code sheets} that is ours (or a scaled copy) by its {@code size} version. */
    void apply(ObservableList<String> sheets, TextSize size) {
        List<String> now = sheets.stream().map(url -> {
            String original = originalOf.getOrDefault(url, url);
            if (original.startsWith("data:")) {
                return url; // not one of ours
            }
            if (size == TextSize.NORMAL) {
                return original;
            }
            String scaled = "data:text/css;base64," + Base64.getEncoder().encodeToString(
                    size.scale(text(original)).getBytes(StandardCharsets.UTF_8));
            originalOf.put(scaled, original);
            return scaled;
        }).toList();
        if (!now.equals(sheets)) {
            sheets.setAll(now);
        }
    }

    private String text(String url) {
        return css.computeIfAbsent(url, u -> {
            try (InputStream in = URI.create(u).toURL().openStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("stylesheet " + u + " could not be read", e);
            }
        });
    }
}
