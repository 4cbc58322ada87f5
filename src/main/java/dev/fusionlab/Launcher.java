package dev.fusionlab;

import dev.fusionlab.cli.FusionLabCli;

/**
 * Entry point of the jar. With no arguments it opens the workbench window, with a workspace (a
 * {@code .fusionlab} file or a workspace folder) the window showing that workspace; with a command
 * (run, embed, project, ...) it runs the headless CLI. A separate class, because a class that extends
 * javafx.application.Application cannot be started from the classpath.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args.length == 1
                && dev.fusionlab.workspace.WorkspaceStore.looksLikeWorkspace(java.nio.file.Path.of(args[0]))) {
            dev.fusionlab.ui.GuiLauncher.main(args);
        } else {
            System.exit(FusionLabCli.execute(args));
        }
    }
}
