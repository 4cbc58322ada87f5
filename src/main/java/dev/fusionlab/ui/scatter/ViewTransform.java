package dev.fusionlab.ui.scatter;

import dev.fusionlab.export.plot.Viewport;

/**
 * Maps data coordinates to screen pixels of a view of {@code width x height}: isotropic scale, y up in
 * data and down on screen. Immutable; zooming and panning return a new transform, so a render thread
 * and the FX thread never share a changing one.
 *
 * @param scale   pixels per data unit
 * @param centreX data x shown at the centre of the view
 * @param centreY data y shown at the centre of the view
 */
public record ViewTransform(double scale, double centreX, double centreY, int width, int height) {

    public static final double MIN_SCALE = 1e-9;

    public ViewTransform {
        if (!(scale > 0) || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("bad view: scale " + scale + ", size " + width + "x" + height);
        }
    }

    /** The transform that shows the whole viewport centred in a view of the given size. */
    public static ViewTransform fit(Viewport viewport, int width, int height) {
        double scale = Math.min(width / viewport.width(), height / viewport.height());
        return new ViewTransform(scale, (viewport.minX() + viewport.maxX()) / 2, (viewport.minY() + viewport.maxY()) / 2,
                width, height);
    }

    public double screenX(double x) {
        return (x - centreX) * scale + width / 2.0;
    }

    public double screenY(double y) {
        return height / 2.0 - (y - centreY) * scale;
    }

    public double dataX(double sx) {
        return (sx - width / 2.0) / scale + centreX;
    }

    public double dataY(double sy) {
        return (height / 2.0 - sy) / scale + centreY;
    }

    /**
     * The transform that shows the whole viewport inside the view minus margins (where the title and
     * legend float), centred in what is left.
     */
    public static ViewTransform fit(Viewport viewport, int width, int height, double top, double right,
                                    double bottom, double left) {
        double innerW = Math.max(16, width - left - right), innerH = Math.max(16, height - top - bottom);
        double scale = Math.min(innerW / viewport.width(), innerH / viewport.height());
        double innerCentreX = left + innerW / 2, innerCentreY = top + innerH / 2;
        double centreX = (viewport.minX() + viewport.maxX()) / 2 - (innerCentreX - width / 2.0) / scale;
        double centreY = (viewport.minY() + viewport.maxY()) / 2 + (innerCentreY - height / 2.0) / scale;
        return new ViewTransform(scale, centreX, centreY, width, height);
    }

    /** Zooms by {@code factor} (>1 zooms in) keeping the data point under (sx, sy) where it is. */
    public ViewTransform zoomAt(double factor, double sx, double sy) {
        double newScale = Math.max(MIN_SCALE, scale * factor);
        double anchorX = dataX(sx), anchorY = dataY(sy);
        double newCentreX = anchorX - (sx - width / 2.0) / newScale;
        double newCentreY = anchorY - (height / 2.0 - sy) / newScale;
        return new ViewTransform(newScale, newCentreX, newCentreY, width, height);
    }

    /** Zooms around the centre of the view. */
    public ViewTransform zoom(double factor) {
        return zoomAt(factor, width / 2.0, height / 2.0);
    }

    /** Moves the content by (dx, dy) screen pixels, as a drag does. */
    public ViewTransform panBy(double dx, double dy) {
        return new ViewTransform(scale, centreX - dx / scale, centreY + dy / scale, width, height);
    }

    /** Same centre and scale in a resized view. */
    public ViewTransform resized(int newWidth, int newHeight) {
        return new ViewTransform(scale, centreX, centreY, newWidth, newHeight);
    }

    /** The data rectangle currently visible: what an export of "the current view" shows. */
    public Viewport visible() {
        return new Viewport(dataX(0), dataY(height), dataX(width), dataY(0));
    }
}
