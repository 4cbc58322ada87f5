package dev.fusionlab.ui.view;

import dev.fusionlab.export.plot.LegendEntry;
import dev.fusionlab.export.plot.Palette;
import dev.fusionlab.export.plot.PlotTheme;
import dev.fusionlab.export.plot.Viewport;
import dev.fusionlab.ui.model.PointColouring;
import dev.fusionlab.ui.model.ProjectionViewModel;
import dev.fusionlab.ui.scatter.Polygon;
import dev.fusionlab.ui.scatter.ScatterLayout;
import dev.fusionlab.ui.scatter.ScatterRenderer;
import dev.fusionlab.ui.scatter.ViewTransform;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polyline;

/**
 * The interactive projection: points drawn into one pixel buffer ({@link ScatterRenderer} into a
 * {@link PixelBuffer} shared with a {@link WritableImage}), so a frame costs milliseconds even at 100k
 * points, where a node or a canvas oval per point would take a tenth of a second. Wheel and +/- zoom,
 * drag and arrows pan, 0 resets; hovering shows a card, a click selects one point, a shift-drag (or
 * any drag in lasso mode) selects a group. Hover and lasso hit-testing go through the layout's
 * spatial grid. Frames in the middle of a pan or zoom of a large layout draw a stride of the points, and
 * the full frame follows when the gesture ends, so the view keeps up at a million points.
 */
public final class ScatterView extends Region {

    private static final double HOVER_RADIUS_PX = 8;
    private static final double KEY_PAN_PX = 60;
    private static final double KEY_ZOOM = 1.25;
    /**
     * Above this many points, frames in the middle of a pan or zoom draw a stride of at most
     * {@link #previewPoints} of them ({@link ScatterRenderer#renderPreview}): at 1M points a full frame costs
     * 20 ms on a free core and several times that while a projection runs beside it
     * ({@code bench/gui/RESULTS.md}). The full frame follows when the gesture ends: the drag is released, or
     * {@value #SETTLE_MS} ms pass without a wheel step or key.
     */
    private int previewAbove = 300_000;
    private int previewPoints = 250_000;
    private static final double SETTLE_MS = 180;

    private final ProjectionViewModel vm;
    private final ScatterRenderer renderer = new ScatterRenderer();
    private final DrawOrder drawOrder = new DrawOrder();
    private final ImageView imageView = new ImageView();
    private final Polyline lassoLine = new Polyline();
    private final HoverCard hoverCard;
    private final VBox legend = new VBox();
    private final Label title = new Label();
    private final Label emptyHint = new Label("Run the pipeline (Ctrl+R) to see the embeddings in 2D");
    private final ObjectProperty<PlotTheme> theme = new SimpleObjectProperty<>(PlotTheme.LIGHT);
    private final BooleanProperty lassoMode = new SimpleBooleanProperty(false);
    /** False where a legend outside the plot stands for this one (linked panes): then none covers points. */
    private final BooleanProperty legendShown = new SimpleBooleanProperty(true);

    private int[] pixels = new int[0];
    private PixelBuffer<IntBuffer> buffer;
    private ViewTransform view;
    private boolean userMoved;
    /**
     * A zoom set from outside (a reopened workspace): fitted at the next draw, when the size is known, and
     * fitted again when the view is resized, until the user pans or zooms.
     */
    private Viewport restoredZoom;
    private boolean publishingZoom;
    private PointColouring argbSource;
    private int[] argb;
    private boolean redrawPending;
    private long framesDrawn;
    private boolean lastFramePreview;
    private long previewFrames;
    private final javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(
            javafx.util.Duration.millis(SETTLE_MS));

    private double pressX, pressY, lastX, lastY;
    private boolean lassoing, dragged;
    private final List<Double> lassoPoints = new ArrayList<>();

    public ScatterView(ProjectionViewModel vm, ThumbnailCache thumbnails) {
        this.vm = vm;
        this.hoverCard = new HoverCard(thumbnails);
        getStyleClass().add("scatter-view");
        setId("scatter");
        setFocusTraversable(true);
        setMinSize(200, 150);
        setPrefSize(900, 700);
        imageView.setManaged(false);
        lassoLine.getStyleClass().add("lasso");
        lassoLine.setManaged(false);
        legend.getStyleClass().add("legend");
        legend.setId("legend");
        legend.setManaged(false);
        legend.setMouseTransparent(true);
        // the first fit ran before CSS sized the legend: refit once its real width is known, unless the user
        // has moved the view, so no cluster lands under the legend
        legend.widthProperty().addListener((obs, old, now) -> {
            if (!userMoved && old.doubleValue() != now.doubleValue()) {
                view = null;
                requestRedraw();
            }
        });
        title.getStyleClass().add("plot-title");
        title.setManaged(false);
        title.setMouseTransparent(true);
        title.textProperty().addListener((obs, old, now) -> requestLayout());
        emptyHint.getStyleClass().add("empty-hint");
        emptyHint.setManaged(false);
        getChildren().addAll(imageView, lassoLine, title, legend, hoverCard, emptyHint);

        vm.layoutProperty().addListener((obs, old, now) -> onLayout(old, now));
        vm.colouringProperty().addListener((obs, old, now) -> {
            rebuildLegend(now);
            requestRedraw();
        });
        vm.selectionProperty().addListener((obs, old, now) -> requestRedraw());
        vm.focusedProperty().addListener((obs, old, now) -> bringIntoView(now.intValue()));
        vm.hoveredProperty().addListener((obs, old, now) -> requestRedraw());
        theme.addListener((obs, old, now) -> requestRedraw());
        vm.zoomProperty().addListener((obs, old, now) -> {
            if (!publishingZoom && now != null) {
                restoredZoom = now;
                view = null;
                userMoved = true;
                requestRedraw();
            }
        });

        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::onMoved);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hideHover());
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        lassoMode.addListener((obs, old, now) -> setCursor(now ? Cursor.CROSSHAIR : Cursor.DEFAULT));
        legendShown.addListener((obs, old, now) -> {
            if (!userMoved) {
                view = null; // refit: the legend's margin comes or goes
            }
            requestRedraw();
        });
        settle.setOnFinished(e -> settled());
    }

    // ---- drawing ----------------------------------------------------------------------------------

    /** "1906 points", or "288 of 1906 points coloured" when the rest are grey context (the test split only). */
    private static String pointCount(int all, PointColouring colouring) {
        int shown = colouring == null ? all : colouring.colouredCount();
        return shown > 0 && shown < all ? shown + " of " + all + " points coloured" : all + " points";
    }

    /**
     * A new layout is fitted into the view; so is a new version of the same layout (t-SNE converging,
     * then its final result) until the user pans or zooms, after which their view is kept.
     */
    private void onLayout(ScatterLayout old, ScatterLayout now) {
        hideHover();
        boolean sameKey = old != null && now != null && old.key().equals(now.key());
        if (!sameKey) {
            userMoved = false;
        }
        if (!userMoved) {
            view = null; // fit at the next draw
        }
        requestRedraw();
    }

    /** Coalesces change events: one redraw per pulse, however many properties changed. */
    public void requestRedraw() {
        if (!redrawPending) {
            redrawPending = true;
            Platform.runLater(this::redraw);
        }
    }

    /**
     * Places the labels only. A new size is drawn at the next pulse ({@link #requestRedraw}), never here:
     * a layout pass runs often while a window is resized, and allocating and drawing the frame inside it
     * stalled the first layout of the view for 101 ms.
     */
    @Override
    protected void layoutChildren() {
        int w = Math.max(1, (int) Math.floor(getWidth())), h = Math.max(1, (int) Math.floor(getHeight()));
        if (buffer == null || buffer.getWidth() != w || buffer.getHeight() != h) {
            requestRedraw();
        }
        title.resizeRelocate(14, 10, Math.min(w - 28, title.prefWidth(-1)), title.prefHeight(-1));
        double lw = legend.prefWidth(-1), lh = Math.min(legend.prefHeight(lw), h - 20);
        legend.resizeRelocate(w - lw - 12, 12, lw, lh);
        emptyHint.resizeRelocate((w - emptyHint.prefWidth(-1)) / 2, (h - emptyHint.prefHeight(-1)) / 2,
                emptyHint.prefWidth(-1), emptyHint.prefHeight(-1));
        hoverCard.resize(hoverCard.prefWidth(-1), hoverCard.prefHeight(-1));
    }

    /**
     * Gives the frame the view's current size. The pixel array grows in steps of {@value #ALLOCATION_STEP}
     * pixels per side and is reused while it is large enough, so resizing a window allocates a few
     * times, not at every pixel of the drag; only the small {@link PixelBuffer} wrapper is new.
     */
    private void fitBufferToSize() {
        int w = Math.max(1, (int) Math.floor(getWidth())), h = Math.max(1, (int) Math.floor(getHeight()));
        if (buffer != null && buffer.getWidth() == w && buffer.getHeight() == h) {
            return;
        }
        if (pixels.length < w * h) {
            pixels = new int[roundUp(w) * roundUp(h)];
        }
        buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
        imageView.setImage(new WritableImage(buffer));
        if (view != null) { // a view the user has not moved is fitted again: a smaller window cuts no cluster off
            view = restoredZoom != null ? ViewTransform.fit(restoredZoom, w, h) : userMoved ? view.resized(w, h) : null;
        }
    }

    private static final int ALLOCATION_STEP = 256;

    private static int roundUp(int side) {
        return (side + ALLOCATION_STEP - 1) / ALLOCATION_STEP * ALLOCATION_STEP;
    }

    /** Draws the current state now, every point (FX thread). */
    void redraw() {
        draw(false);
    }

    /**
     * A frame in the middle of a gesture: a preview of a large layout (see {@link #previewAbove}); the full
     * frame follows when the gesture ends ({@link #settled}, also called on release of a drag).
     */
    private void redrawMoving(boolean timed) {
        draw(true);
        if (timed) {
            settle.playFromStart();
        }
    }

    /** The gesture is over: draw every point again if the last frame was a preview. */
    private void settled() {
        settle.stop();
        if (lastFramePreview) {
            redraw();
        }
    }

    private void draw(boolean moving) {
        redrawPending = false;
        if (getWidth() < 1 || getHeight() < 1) {
            return; // not laid out yet: the first layout asks again
        }
        fitBufferToSize();
        framesDrawn++;
        ScatterLayout layout = vm.layoutProperty().get();
        PointColouring colouring = vm.colouringProperty().get();
        boolean coloured = layout != null && colouring != null && colouring.category().length == layout.size();
        boolean drawable = layout != null;
        emptyHint.setVisible(layout == null);
        legend.setVisible(coloured && legendShown.get());
        title.setVisible(drawable);
        int w = buffer.getWidth(), h = buffer.getHeight();
        if (!userMoved) {
            restoredZoom = null; // '0', reset or a new layout handed the view back to automatic fitting
        }
        if (drawable && view == null) {
            view = restoredZoom != null ? ViewTransform.fit(restoredZoom, w, h) : fitted(layout, w, h);
        }
        if (restoredZoom != null && (view == null || !view.equals(ViewTransform.fit(restoredZoom, w, h)))) {
            restoredZoom = null; // the user moved away from it
        }
        publishingZoom = true; // tell the view model what is shown, for saving
        try {
            vm.zoomProperty().set(drawable && userMoved && view != null ? view.visible() : null);
        } finally {
            publishingZoom = false;
        }
        boolean preview = moving && drawable && layout.size() > previewAbove;
        lastFramePreview = preview;
        previewFrames += preview ? 1 : 0;
        buffer.updateBuffer(b -> {
            if (drawable) {
                renderer.setPointRadius(ScatterRenderer.radiusFor(layout.size()));
                int[] colours = coloured ? argbOf(colouring) : neutral(layout.size());
                drawOrder.update(layout, coloured ? colouring : null, colours); // grey points under the coloured
                int[] highlighted = coloured ? drawOrder.positions(vm.highlighted()) : new int[0];
                if (preview) {
                    renderer.renderPreview(pixels, view, drawOrder.xs(), drawOrder.ys(), drawOrder.colours(),
                            theme.get().background(), highlighted, theme.get().highlightOutline(), previewPoints);
                } else {
                    renderer.render(pixels, view, drawOrder.xs(), drawOrder.ys(), drawOrder.colours(),
                            theme.get().background(), highlighted, theme.get().highlightOutline());
                }
            } else {
                java.util.Arrays.fill(pixels, theme.get().background());
            }
            return null;
        });
        if (drawable) {
            title.setText(layout.key().space().key() + " · " + layout.key().method() + " · "
                    + (coloured ? colouring.title() : "computing…") + " · " + pointCount(layout.size(), coloured ? colouring : null)
                    + (layout.key().method() == dev.fusionlab.project.ProjectionMethod.PCA && coloured
                            ? " · " + String.join(", ", vm.axisLabels()) : "")); // PC1 (23.4%), PC2 (8.1%)
        }
    }

    /** Per-point colours, computed once per colouring rather than once per frame. */
    private int[] argbOf(PointColouring colouring) {
        if (colouring != argbSource) {
            argbSource = colouring;
            argb = colouring.argb();
        }
        return argb;
    }

    private static int[] neutral(int n) {
        int[] colours = new int[n];
        java.util.Arrays.fill(colours, Palette.NEUTRAL);
        return colours;
    }

    /** Fits the layout beside the legend and below the title, so no point starts hidden under them. */
    private ViewTransform fitted(ScatterLayout layout, int w, int h) {
        double legendWidth = legend.isVisible() ? legend.prefWidth(-1) + 24 : 12;
        double right = legendWidth < w / 2.5 ? legendWidth : 12;
        return ViewTransform.fit(layout.bounds(), w, h, 40, right, 12, 12);
    }

    private void rebuildLegend(PointColouring colouring) {
        legend.getChildren().clear();
        if (colouring == null) {
            return;
        }
        List<LegendEntry> entries = colouring.legend();
        int shown = Math.min(entries.size(), 24);
        for (int i = 0; i < shown; i++) {
            LegendEntry e = entries.get(i);
            Circle swatch = new Circle(5, argbColour(e.argb()));
            Label label = new Label(e.label(), swatch);
            label.getStyleClass().add("legend-entry");
            legend.getChildren().add(label);
        }
        if (shown < entries.size()) {
            Label more = new Label("+" + (entries.size() - shown) + " more");
            more.getStyleClass().add("legend-more");
            legend.getChildren().add(more);
        }
        requestLayout();
    }

    static Color argbColour(int argb) {
        return Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF, Palette.alpha(argb));
    }

    // ---- navigation -------------------------------------------------------------------------------

    private void onScroll(ScrollEvent e) {
        if (view != null && e.getDeltaY() != 0) {
            view = view.zoomAt(Math.pow(1.0025, e.getDeltaY()), e.getX(), e.getY());
            userMoved = true;
            hideHover();
            redrawMoving(true);
        }
        e.consume();
    }

    private void onKey(KeyEvent e) {
        if (view == null) {
            return;
        }
        switch (e.getCode()) {
            case PLUS, EQUALS, ADD -> view = view.zoom(KEY_ZOOM);
            case MINUS, SUBTRACT -> view = view.zoom(1 / KEY_ZOOM);
            case LEFT -> view = view.panBy(KEY_PAN_PX, 0);
            case RIGHT -> view = view.panBy(-KEY_PAN_PX, 0);
            case UP -> view = view.panBy(0, KEY_PAN_PX);
            case DOWN -> view = view.panBy(0, -KEY_PAN_PX);
            case DIGIT0, NUMPAD0 -> view = null;
            default -> {
                return;
            }
        }
        e.consume();
        userMoved = view != null; // '0' hands the view back to automatic fitting
        if (view == null) {
            redraw();
        } else {
            redrawMoving(true); // a held arrow or +/- repeats: full frame once it is let go
        }
    }

    /** Pans so that point {@code i} is on screen (centred) when it is not; then redraws. */
    private void bringIntoView(int i) {
        ScatterLayout layout = vm.layoutProperty().get();
        if (i >= 0 && view != null && layout != null && i < layout.size()) {
            double sx = view.screenX(layout.xs()[i]), sy = view.screenY(layout.ys()[i]);
            if (sx < 20 || sy < 20 || sx > view.width() - 20 || sy > view.height() - 20) {
                view = view.panBy(view.width() / 2.0 - sx, view.height() / 2.0 - sy);
            }
        }
        requestRedraw();
    }

    /** Fits the whole layout into the view again. */
    public void resetView() {
        view = null;
        userMoved = false;
        redraw();
    }

    // ---- hover, click, lasso ----------------------------------------------------------------------

    private void onPressed(MouseEvent e) {
        requestFocus();
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        dragged = false;
        lassoing = lassoMode.get() || e.isShiftDown();
        lassoPoints.clear();
        if (lassoing) {
            lassoPoints.addAll(List.of(e.getX(), e.getY()));
            lassoLine.getPoints().setAll(lassoPoints);
        }
        hideHover();
    }

    private void onDragged(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || view == null) {
            return;
        }
        dragged |= Math.hypot(e.getX() - pressX, e.getY() - pressY) > 3;
        if (lassoing) {
            lassoPoints.addAll(List.of(e.getX(), e.getY()));
            lassoLine.getPoints().addAll(e.getX(), e.getY());
        } else {
            view = view.panBy(e.getX() - lastX, e.getY() - lastY);
            userMoved = true;
            setCursor(Cursor.CLOSED_HAND);
            redrawMoving(false);
        }
        lastX = e.getX();
        lastY = e.getY();
    }

    private void onReleased(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || view == null) {
            return;
        }
        setCursor(lassoMode.get() ? Cursor.CROSSHAIR : Cursor.DEFAULT);
        settled(); // the pan is over: every point again
        if (lassoing) {
            lassoLine.getPoints().clear();
            if (lassoPoints.size() >= 6) {
                int n = lassoPoints.size() / 2;
                double[] xs = new double[n], ys = new double[n];
                for (int k = 0; k < n; k++) {
                    xs[k] = view.dataX(lassoPoints.get(2 * k));
                    ys[k] = view.dataY(lassoPoints.get(2 * k + 1));
                }
                vm.selectInside(new Polygon(xs, ys));
            }
            lassoing = false;
        } else if (!dragged) {
            int hit = pointAt(e.getX(), e.getY());
            if (hit >= 0) {
                vm.select(hit);
            } else {
                vm.clearSelection();
            }
        }
    }

    private void onMoved(MouseEvent e) {
        int hit = pointAt(e.getX(), e.getY());
        if (hit < 0) {
            hideHover();
            return;
        }
        hoverCard.show(vm.hoverInfo(hit));
        hoverCard.applyCss();
        double cw = hoverCard.prefWidth(-1), ch = hoverCard.prefHeight(cw);
        double x = e.getX() + 16 + cw > getWidth() ? e.getX() - 16 - cw : e.getX() + 16;
        x = Math.max(4, Math.min(x, getWidth() - cw - 4)); // inside the view, also where it is narrow (side by side)
        double y = Math.max(4, Math.min(e.getY() - ch / 2, getHeight() - ch - 4));
        if (x < e.getX() + 10 && x + cw > e.getX() - 10) { // too wide to sit beside the pointer: below or above it
            y = e.getY() + 16 + ch <= getHeight() ? e.getY() + 16 : Math.max(4, e.getY() - 16 - ch);
        }
        hoverCard.resizeRelocate(x, y, cw, ch);
    }

    private int pointAt(double sx, double sy) {
        if (view == null || vm.layoutProperty().get() == null) {
            return -1;
        }
        return vm.hoverAt(view.dataX(sx), view.dataY(sy), HOVER_RADIUS_PX / view.scale());
    }

    private void hideHover() {
        hoverCard.setVisible(false);
        vm.hoveredProperty().set(-1);
    }

    // ---- state for export, tests and the benchmark -------------------------------------------------

    /** The data rectangle on screen now: what "export current view" shows. */
    public Viewport visibleViewport() {
        ScatterLayout layout = vm.layoutProperty().get();
        if (view == null && layout != null) {
            return fitted(layout, Math.max(1, (int) getWidth()), Math.max(1, (int) getHeight())).visible();
        }
        return view == null ? null : view.visible();
    }

    /** Screen position of point {@code i} in this view's coordinates, or null before the first draw. */
    public javafx.geometry.Point2D screenPositionOf(int i) {
        ScatterLayout layout = vm.layoutProperty().get();
        if (view == null || layout == null) {
            return null;
        }
        return new javafx.geometry.Point2D(view.screenX(layout.xs()[i]), view.screenY(layout.ys()[i]));
    }

    /** Whether the last frame was a gesture's preview (a stride of the points), not every point. */
    public boolean lastFrameWasPreview() {
        return lastFramePreview;
    }

    /** Frames drawn as previews so far. */
    public long previewFramesDrawn() {
        return previewFrames;
    }

    /** Sets when gesture frames are previews: above {@code points} points, drawing at most {@code budget}. */
    public void setPreview(int points, int budget) {
        previewAbove = points;
        previewPoints = budget;
    }

    /** Frames drawn so far. */
    public long framesDrawn() {
        return framesDrawn;
    }

    /** Pixels the frame's array can hold: it grows in steps, not with every resize. */
    public int pixelCapacity() {
        return pixels.length;
    }

    /** ARGB of the pixel at (x, y) of the last frame. */
    public int pixelAt(int x, int y) {
        return pixels[y * buffer.getWidth() + x];
    }

    /** Point radius in pixels for the current layout. */
    public double pointRadius() {
        ScatterLayout layout = vm.layoutProperty().get();
        return ScatterRenderer.radiusFor(layout == null ? 0 : layout.size());
    }

    public ObjectProperty<PlotTheme> themeProperty() {
        return theme;
    }

    /** What the view says while it has nothing to draw. */
    public javafx.beans.property.StringProperty emptyTextProperty() {
        return emptyHint.textProperty();
    }

    /** Whether the plot draws its own legend (true); false where one outside the plot stands for it. */
    public BooleanProperty legendShownProperty() {
        return legendShown;
    }

    public BooleanProperty lassoModeProperty() {
        return lassoMode;
    }

    /** Where the hover card finds a sample's generated caption (by row; null for none). */
    public void setGeneratedCaptions(java.util.function.IntFunction<String> lookup) {
        hoverCard.setGeneratedCaptions(lookup);
    }
}
