package dev.fusionlab.ui.view;

import dev.fusionlab.ui.model.RecentFolder;
import java.io.File;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.scene.Node;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.FileChooser;

/**
 * The dialogs every export goes through: the save dialog opens in the folder last saved to, by any export,
 * and remembers the new one (issue 13, defect 12); a PNG asks for its resolution in a dialog owned by, and
 * styled like, the window it came from.
 */
final class SaveDialogs {

    private static final RecentFolder LAST_FOLDER = RecentFolder.ofUserPreferences();

    private SaveDialogs() {
    }

    /** Shows {@code chooser}'s save dialog over {@code owner}'s window; null when cancelled. */
    static File save(Node owner, FileChooser chooser) {
        LAST_FOLDER.initialFolder().ifPresent(f -> chooser.setInitialDirectory(f.toFile()));
        File file = chooser.showSaveDialog(owner.getScene().getWindow());
        if (file != null) {
            LAST_FOLDER.used(file.toPath());
        }
        return file;
    }

    /** The dots per inch of a PNG export, {@code preferred} first in the list; empty when cancelled. */
    static OptionalInt askDpi(Node owner, int preferred) {
        ChoiceDialog<Integer> dialog = new ChoiceDialog<>(preferred, 96, 150, 300, 600);
        dialog.initOwner(owner.getScene().getWindow());
        dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        dialog.setTitle("Export PNG");
        dialog.setHeaderText("Resolution (dots per inch)");
        Optional<Integer> chosen = dialog.showAndWait();
        return chosen.map(OptionalInt::of).orElseGet(OptionalInt::empty);
    }
}
