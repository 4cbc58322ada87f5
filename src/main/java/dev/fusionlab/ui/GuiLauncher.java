package dev.fusionlab.ui;

import javafx.application.Application;

/**
 * Starts the workbench window. {@code dev.fusionlab.Launcher} calls this when run without arguments; a
 * plain class, because the JavaFX launcher refuses to start an {@link Application} subclass as the main
 * class from the class path.
 */
public final class GuiLauncher {

    private GuiLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(FusionLabApp.class, args);
    }
}
