package dev.fusionlab;

/**
 * Entry point of the jar. With no arguments it opens the workbench window; with a command
 * (run, embed, project, bench, ...) it runs the headless CLI. A separate class, because a class
 * that extends javafx.application.Application cannot be started from the classpath.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("wired up once the CLI and the GUI exist");
    }
}
