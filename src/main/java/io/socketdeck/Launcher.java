package io.socketdeck;

import io.socketdeck.cli.Cli;
import io.socketdeck.core.runtime.HeapFootprint;

/**
 * The entry point of both faces: with no arguments it opens the window; with any (a subcommand,
 * {@code --help}, {@code --version}) it runs the command line, which never loads JavaFX. It does
 * not extend {@code Application}, so the window also starts from a plain classpath (a packaged
 * jar), where the JavaFX launcher would refuse a main class that does.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        HeapFootprint.start(); // both faces: a long listen or relay on the command line floods the heap too
        if (args.length > 0) {
            System.exit(Cli.run(args));
        }
        Window.open(args);
    }
}
