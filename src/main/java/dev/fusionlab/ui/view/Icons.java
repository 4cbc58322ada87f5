package dev.fusionlab.ui.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.controlsfx.glyphfont.FontAwesome;
import org.controlsfx.glyphfont.Glyph;
import org.controlsfx.glyphfont.GlyphFont;

/** FontAwesome icons from the font ControlsFX ships in its jar: no network, no image files. */
final class Icons {

    private static final GlyphFont FONT = load();

    private Icons() {
    }

    private static GlyphFont load() {
        try (InputStream in = FontAwesome.class.getResourceAsStream("fontawesome-webfont.ttf")) {
            return new FontAwesome(in);
        } catch (IOException e) {
            throw new UncheckedIOException("ControlsFX's FontAwesome font is missing", e);
        }
    }

    static Glyph of(FontAwesome.Glyph glyph) {
        Glyph g = FONT.create(glyph);
        g.getStyleClass().add("icon");
        return g;
    }
}
