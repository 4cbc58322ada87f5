package dev.fusionlab.ui.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * A confusion matrix as a heatmap: rows are true classes, columns predictions, each cell shaded by the
 * share of its row (recall on the diagonal), with counts written in. Rows carry the class names in full
 * (the label column is as wide as the longest name, up to 45% of the width) and a number, which heads
 * the column of the same class, so the columns are labelled at any size. Counts stay readable down to
 * 14-pixel cells (small windows, projectors). Drawn on a canvas: k x k rectangles, cheap for any
 * realistic class count.
 */
final class ConfusionHeatmap extends Region {

    private static final double MIN_COUNT_CELL = 14;
    private final Canvas canvas = new Canvas();
    private final String title;
    private int[][] matrix = new int[0][0];
    private List<String> classes = List.of();
    private Color ink = Color.web("#1f2328");
    private Color muted = Color.web("#59636e");
    private Color accent = Color.web("#0969da");
    private Color empty = Color.web("#f6f8fa");
    private final List<String> drawnRowLabels = new ArrayList<>();
    private final List<String> drawnColumnLabels = new ArrayList<>();
    private boolean countsDrawn;

    ConfusionHeatmap(String title) {
        this.title = title;
        getStyleClass().add("heatmap");
        getChildren().add(canvas);
        setMinSize(160, 160);
        setPrefSize(360, 360);
    }

    void show(int[][] confusion, List<String> classNames, boolean dark) {
        this.matrix = confusion;
        this.classes = classNames;
        ink = Color.web(dark ? "#e6edf3" : "#1f2328");
        muted = Color.web(dark ? "#9da7b3" : "#59636e");
        accent = Color.web(dark ? "#58a6ff" : "#0969da");
        empty = Color.web(dark ? "#161b22" : "#f6f8fa");
        draw();
    }

    /** Back to an empty frame (no run, or a run over another dataset). */
    void clear() {
        show(new int[0][0], List.of(), ink.getBrightness() > 0.5);
    }

    int[][] matrix() {
        return matrix;
    }

    /** The row labels as last drawn (number and class name, possibly shortened). */
    List<String> drawnRowLabels() {
        return List.copyOf(drawnRowLabels);
    }

    /** The column headings as last drawn. */
    List<String> drawnColumnLabels() {
        return List.copyOf(drawnColumnLabels);
    }

    /** Whether the last drawing wrote the counts into the cells. */
    boolean countsDrawn() {
        return countsDrawn;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        drawnRowLabels.clear();
        drawnColumnLabels.clear();
        countsDrawn = false;
        int k = matrix.length;
        Font titleFont = Font.font(null, FontWeight.BOLD, 13);
        Font noteFont = Font.font(11);
        g.setFill(ink);
        g.setFont(titleFont);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, 0, 0);
        g.setFill(muted);
        g.setFont(noteFont);
        g.fillText(k == 0 ? "no run yet" : "rows: true · columns: predicted", 0, 18);
        if (k == 0) {
            return;
        }
        double top = 36 + 16; // title, note, column numbers
        double labelFontSize = Math.max(9, Math.min(12, (h - top) / k * 0.6));
        Font labelFont = Font.font(labelFontSize);
        List<String> full = new ArrayList<>();
        double widest = 0;
        for (int r = 0; r < k; r++) {
            String label = (r + 1) + "  " + classes.get(r);
            full.add(label);
            widest = Math.max(widest, width(label, labelFont));
        }
        double labelSpace = Math.min(widest + 10, w * 0.45);
        double side = Math.max(0, Math.min(w - labelSpace, h - top - 2));
        double cell = side / k;
        double countSize = Math.max(8, Math.min(13, cell * 0.42));
        countsDrawn = cell >= MIN_COUNT_CELL;
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.setFill(muted);
        g.setFont(Font.font(Math.max(8, Math.min(11, cell * 0.5))));
        for (int c = 0; c < k; c++) {
            String heading = Integer.toString(c + 1);
            drawnColumnLabels.add(heading);
            g.fillText(heading, labelSpace + c * cell + cell / 2, top - 2);
        }
        for (int r = 0; r < k; r++) {
            int rowTotal = 0;
            for (int c = 0; c < k; c++) {
                rowTotal += matrix[r][c];
            }
            for (int c = 0; c < k; c++) {
                double share = rowTotal == 0 ? 0 : (double) matrix[r][c] / rowTotal;
                g.setFill(share == 0 ? empty : empty.interpolate(accent, 0.15 + 0.85 * share));
                double x = labelSpace + c * cell, y = top + r * cell;
                g.fillRect(x, y, Math.max(1, cell - 1), Math.max(1, cell - 1));
                if (countsDrawn && matrix[r][c] > 0) {
                    g.setFill(share > 0.55 ? Color.WHITE : ink);
                    g.setFont(Font.font(countSize));
                    g.setTextAlign(TextAlignment.CENTER);
                    g.setTextBaseline(VPos.CENTER);
                    g.fillText(Integer.toString(matrix[r][c]), x + cell / 2, y + cell / 2);
                }
            }
            if (cell >= 8) {
                String label = fit(full.get(r), labelFont, labelSpace - 8);
                drawnRowLabels.add(label);
                g.setFill(ink);
                g.setFont(labelFont);
                g.setTextAlign(TextAlignment.RIGHT);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(label, labelSpace - 6, top + r * cell + cell / 2);
            }
        }
    }

    /** {@code text}, shortened with an ellipsis only when it does not fit in {@code room} pixels. */
    private static String fit(String text, Font font, double room) {
        if (width(text, font) <= room) {
            return text;
        }
        for (int n = text.length() - 1; n > 1; n--) {
            String shorter = text.substring(0, n) + "…";
            if (width(shorter, font) <= room) {
                return shorter;
            }
        }
        return text.substring(0, 1) + "…";
    }

    private static double width(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
