package dev.fusionlab.ui.view;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A confusion matrix as a heatmap: rows are true classes, columns predictions, each cell shaded by the
 * share of its row (recall on the diagonal), with counts written in when the cells are big enough.
 * Drawn on a canvas: k x k rectangles, cheap for any realistic class count.
 */
final class ConfusionHeatmap extends Region {

    private static final double LABEL_SPACE = 86;
    private final Canvas canvas = new Canvas();
    private final String title;
    private int[][] matrix = new int[0][0];
    private List<String> classes = List.of();
    private Color ink = Color.web("#1f2328");
    private Color accent = Color.web("#0969da");
    private Color empty = Color.web("#f6f8fa");

    ConfusionHeatmap(String title) {
        this.title = title;
        getStyleClass().add("heatmap");
        getChildren().add(canvas);
        setMinSize(200, 200);
        setPrefSize(360, 360);
    }

    void show(int[][] confusion, List<String> classNames, boolean dark) {
        this.matrix = confusion;
        this.classes = classNames;
        ink = Color.web(dark ? "#e6edf3" : "#1f2328");
        accent = Color.web(dark ? "#58a6ff" : "#0969da");
        empty = Color.web(dark ? "#161b22" : "#f6f8fa");
        draw();
    }

    int[][] matrix() {
        return matrix;
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
        int k = matrix.length;
        g.setFill(ink);
        g.setFont(Font.font(13));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title + "  (rows: true, columns: predicted)", 0, 0);
        if (k == 0) {
            return;
        }
        double top = 24, side = Math.min(w - LABEL_SPACE, h - top - 4);
        double cell = side / k;
        boolean labels = cell >= 9;
        g.setFont(Font.font(Math.min(11, cell * 0.45)));
        for (int r = 0; r < k; r++) {
            int rowTotal = 0;
            for (int c = 0; c < k; c++) {
                rowTotal += matrix[r][c];
            }
            for (int c = 0; c < k; c++) {
                double share = rowTotal == 0 ? 0 : (double) matrix[r][c] / rowTotal;
                g.setFill(share == 0 ? empty : empty.interpolate(accent, 0.15 + 0.85 * share));
                double x = LABEL_SPACE + c * cell, y = top + r * cell;
                g.fillRect(x, y, cell - 1, cell - 1);
                if (cell >= 22 && matrix[r][c] > 0) {
                    g.setFill(share > 0.55 ? Color.WHITE : ink);
                    g.setTextAlign(TextAlignment.CENTER);
                    g.setTextBaseline(VPos.CENTER);
                    g.fillText(Integer.toString(matrix[r][c]), x + cell / 2, y + cell / 2);
                }
            }
            if (labels) {
                g.setFill(ink);
                g.setTextAlign(TextAlignment.RIGHT);
                g.setTextBaseline(VPos.CENTER);
                String name = classes.get(r);
                g.fillText(name.length() > 12 ? name.substring(0, 11) + "…" : name, LABEL_SPACE - 6, top + r * cell + cell / 2);
            }
        }
    }
}
