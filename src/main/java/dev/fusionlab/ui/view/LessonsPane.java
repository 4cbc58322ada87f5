package dev.fusionlab.ui.view;

import dev.fusionlab.ui.model.LessonsViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.glyphfont.FontAwesome;

/**
 * The Lessons panel beside the workbench: one step at a time, Back and Next, and a close button. Each
 * step sets the view through the {@link LessonsViewModel}; nothing here blocks the rest of the window.
 */
public final class LessonsPane extends VBox {

    private final CheckBox autorun = new CheckBox("Run the demo when FusionLab starts");

    public LessonsPane(LessonsViewModel lessons) {
        getStyleClass().add("lessons-pane");
        getStylesheets().add(LinkedViewsPane.STYLESHEET);
        setId("lessons");
        Label heading = new Label("Lessons");
        heading.getStyleClass().add("lessons-heading");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button(null, Icons.of(FontAwesome.Glyph.CLOSE));
        close.setId("lessons-close");
        close.setTooltip(new Tooltip("Hide the lessons (the view stays as it is)"));
        close.setOnAction(e -> lessons.showingProperty().set(false));
        HBox top = new HBox(8, heading, spacer, close);
        top.setAlignment(Pos.CENTER_LEFT);

        Label progress = new Label();
        progress.setId("lesson-progress");
        progress.getStyleClass().add("caption");
        progress.textProperty().bind(Bindings.createStringBinding(lessons::progressText, lessons.indexProperty()));
        Label title = new Label();
        title.setId("lesson-title");
        title.getStyleClass().add("lesson-title");
        title.setWrapText(true);
        title.textProperty().bind(Bindings.createStringBinding(() -> lessons.currentProperty().get().title(),
                lessons.currentProperty()));
        Label text = new Label();
        text.setId("lesson-text");
        text.getStyleClass().add("lesson-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.textProperty().bind(Bindings.createStringBinding(() -> lessons.currentProperty().get().text(),
                lessons.currentProperty()));

        Button back = new Button("Back", Icons.of(FontAwesome.Glyph.CHEVRON_LEFT));
        back.setId("lesson-back");
        back.disableProperty().bind(lessons.hasPreviousBinding().not());
        back.setOnAction(e -> lessons.previous());
        Button next = new Button("Next", Icons.of(FontAwesome.Glyph.CHEVRON_RIGHT));
        next.setId("lesson-next");
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        next.getStyleClass().add("lesson-next");
        next.disableProperty().bind(lessons.hasNextBinding().not());
        next.setOnAction(e -> lessons.next());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, back, gap, next);

        Label note = new Label("Explore freely at any time: a step only sets the view it talks about.");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        autorun.setId("lessons-autorun");
        autorun.getStyleClass().add("caption");
        autorun.setWrapText(true);
        Region fill = new Region();
        VBox.setVgrow(fill, Priority.ALWAYS);
        getChildren().addAll(top, progress, title, text, buttons, fill, note, autorun);
        setSpacing(10);
        setPrefWidth(300);
        setMinWidth(240);
    }

    /** The "run the demo at start" setting; the application saves it. */
    public CheckBox autorunBox() {
        return autorun;
    }
}
