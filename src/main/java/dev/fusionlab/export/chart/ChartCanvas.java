package dev.fusionlab.export.chart;

import java.io.IOException;

/**
 * The drawing operations a chart needs, in CSS pixels with y pointing down; one implementation per
 * format, so {@link ChartPainter} lays a chart out once for all of them.
 */
interface ChartCanvas {

    enum TextAnchor { START, MIDDLE, END }

    void fillRect(double x, double y, double w, double h, int argb) throws IOException;

    void line(double x1, double y1, double x2, double y2, int argb, double width) throws IOException;

    /** One open polyline through the points (a single element in SVG). */
    void polyline(double[] xs, double[] ys, int argb, double width) throws IOException;

    void circle(double cx, double cy, double r, int fill) throws IOException;

    /** Text whose baseline starts, is centred or ends at (x, y), rotated {@code degrees} anticlockwise. */
    void text(String s, double x, double y, double size, int argb, boolean bold, TextAnchor anchor, double degrees)
            throws IOException;

    default void beginGroup(String id) throws IOException {
    }

    default void endGroup() throws IOException {
    }
}
