package dev.fusionlab.export.plot;

import java.io.IOException;

/**
 * The few drawing operations a scatter plot needs, in CSS pixels with y pointing down. One
 * implementation per output format; {@link PlotPainter} drives them all, so layout code exists once.
 */
interface PlotSurface {

    enum Anchor { START, MIDDLE, END }

    void fillRect(double x, double y, double w, double h, int argb) throws IOException;

    void strokeRect(double x, double y, double w, double h, int argb, double lineWidth) throws IOException;

    /** A filled circle, outlined when {@code strokeWidth > 0}. */
    void circle(double cx, double cy, double r, int fill, int stroke, double strokeWidth) throws IOException;

    /**
     * Text whose baseline starts (or is centred, or ends) at (x, y); when {@code vertical}, rotated 90
     * degrees anticlockwise around that point.
     */
    void text(String s, double x, double y, double size, int argb, boolean bold, Anchor anchor, boolean vertical)
            throws IOException;

    /** Restricts the following drawing to a rectangle, until {@link #endClip}. */
    void beginClip(double x, double y, double w, double h) throws IOException;

    void endClip() throws IOException;

    /** Starts a named group of elements (used by SVG to keep points and legend apart). */
    default void beginGroup(String id) throws IOException {
    }

    default void endGroup() throws IOException {
    }
}
