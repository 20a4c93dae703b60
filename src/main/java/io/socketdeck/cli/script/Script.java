package io.socketdeck.cli.script;

import java.util.List;
import java.util.Map;

/**
 * A script file, read and checked: nothing in it can fail for being written wrong any more.
 *
 * @param file    as named on the command line (messages and reports show it so)
 * @param name    its {@code name}, or the file's name without {@code .yaml}
 * @param vars    its {@code vars} with the command line's {@code --var}s over them
 * @param actions how many steps run and report, a repeat's counted once
 */
record Script(String file, String name, Map<String, String> vars, List<Step> steps, int actions) {
}
