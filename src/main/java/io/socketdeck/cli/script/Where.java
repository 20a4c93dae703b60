package io.socketdeck.cli.script;

/** A place in a script file, counted from 1 as editors count: what every message about a step names. */
record Where(int line, int column) {

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
