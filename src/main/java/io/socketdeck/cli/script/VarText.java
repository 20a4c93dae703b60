package io.socketdeck.cli.script;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Text with variables: {@code ${name}} is the variable's value, {@code $${} a literal {@code ${}.
 * Parsed once when the script is read, so a malformed or unknown variable is an error there, with
 * its line, before anything is sent.
 */
final class VarText {

    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** A piece of the text: typed characters or a variable. */
    private sealed interface Piece permits Literal, Variable {
    }

    private record Literal(String text) implements Piece {
    }

    private record Variable(String name) implements Piece {
    }

    /** What is wrong, at a 0-based character position within the text. */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;
        private final int position;

        Problem(int position, String message) {
            super(message, null, false, false);
            this.position = position;
        }

        int position() {
            return position;
        }
    }

    private final String source;
    private final List<Piece> pieces;

    private VarText(String source, List<Piece> pieces) {
        this.source = source;
        this.pieces = pieces;
    }

    /** Text without variables (a value given on the command line, or built by the program). */
    static VarText plain(String text) {
        return new VarText(text, List.of(new Literal(text)));
    }

    static VarText parse(String text) throws Problem {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                literal.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    throw new Problem(i, "\"${\" without its \"}\" (write $${ for a literal ${)");
                }
                String name = text.substring(i + 2, close);
                if (!NAME.matcher(name).matches()) {
                    throw new Problem(i, "\"" + text.substring(i, close + 1)
                            + "\" is not a variable: a name is letters, digits and _ (write $${ for a literal ${)");
                }
                if (literal.length() > 0) {
                    pieces.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                pieces.add(new Variable(name));
                i = close + 1;
            } else {
                literal.append(text.charAt(i++));
            }
        }
        if (literal.length() > 0 || pieces.isEmpty()) {
            pieces.add(new Literal(literal.toString()));
        }
        return new VarText(text, List.copyOf(pieces));
    }

    /** As written in the script: a report names a step by it, the same in every run. */
    String source() {
        return source;
    }

    /** The variables it uses, in order of first use. */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (Piece piece : pieces) {
            if (piece instanceof Variable variable) {
                names.add(variable.name());
            }
        }
        return names;
    }

    boolean hasVariables() {
        return pieces.stream().anyMatch(Variable.class::isInstance);
    }

    /** The text with each variable's value, as {@code quote} makes it fit where it goes. */
    String resolve(Map<String, String> values, UnaryOperator<String> quote) {
        return resolveWith(name -> {
            String value = values.get(name);
            if (value == null) { // the loader checked every name: a bug if it happens
                throw new IllegalStateException("variable " + name + " has no value");
            }
            return quote.apply(value);
        });
    }

    String resolve(Map<String, String> values) {
        return resolve(values, UnaryOperator.identity());
    }

    /** The text with each variable replaced by what {@code text} gives for its name (a stand-in, to check). */
    String resolveWith(Function<String, String> text) {
        StringBuilder out = new StringBuilder();
        for (Piece piece : pieces) {
            if (piece instanceof Literal literal) {
                out.append(literal.text());
            } else {
                out.append(text.apply(((Variable) piece).name()));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return source;
    }
}
