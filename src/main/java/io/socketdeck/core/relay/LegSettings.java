package io.socketdeck.core.relay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;

/**
 * The faults of one leg with what running them needs: the rules compiled once and their hit
 * counts. Replaced as a whole when the user changes the faults (one volatile write), so the loop
 * never sees half of an edit; counts start again with the new rules.
 */
final class LegSettings {

    static final LegSettings NONE = new LegSettings(LegFaults.NONE);

    final LegFaults faults;
    private final List<RewriteRule.Compiled> rules;
    private final AtomicLongArray hits;

    LegSettings(LegFaults faults) {
        this(faults, compile(faults.rewrites()), new AtomicLongArray(faults.rewrites().size()));
    }

    private LegSettings(LegFaults faults, List<RewriteRule.Compiled> rules, AtomicLongArray hits) {
        this.faults = faults;
        this.rules = rules;
        this.hits = hits;
    }

    /** Other faults with the same rules: the rules' counts go on. */
    LegSettings withFaults(LegFaults changed) {
        return new LegSettings(changed, rules, hits);
    }

    private static List<RewriteRule.Compiled> compile(List<RewriteRule> rewrites) {
        List<RewriteRule.Compiled> compiled = new ArrayList<>(rewrites.size());
        for (RewriteRule rule : rewrites) {
            compiled.add(rule.compile());
        }
        return List.copyOf(compiled);
    }

    List<Long> hits() {
        List<Long> counts = new ArrayList<>(hits.length());
        for (int i = 0; i < hits.length(); i++) {
            counts.add(hits.get(i));
        }
        return counts;
    }

    boolean rewrites() {
        return !rules.isEmpty();
    }

    /**
     * Applies the rules in order to one chunk; {@code report} is told each rule that matched, with
     * how often. Returns the chunk itself when nothing matched.
     */
    byte[] rewrite(byte[] chunk, RewriteReport report) {
        // One character per byte: the rules were compiled for exactly this view.
        String text = new String(chunk, StandardCharsets.ISO_8859_1);
        boolean changed = false;
        for (int i = 0; i < rules.size(); i++) {
            RewriteRule.Compiled rule = rules.get(i);
            Matcher matcher = rule.pattern().matcher(text);
            StringBuilder out = new StringBuilder(text.length() + 16);
            int count = 0;
            try {
                if (!matcher.find()) {
                    continue;
                }
                do {
                    matcher.appendReplacement(out, rule.replacement());
                    count++;
                } while (matcher.find());
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                continue; // a named group the pattern lacks (not checked when made): the rule does nothing
            } catch (StackOverflowError e) {
                // java.util.regex recurses once per repetition of a group with alternatives, so
                // (a|b)* overflows on a long enough chunk: a fault of this rule on this input, the
                // stack already unwound here and nothing shared changed (hits count after a rule).
                // Thrown on as an exception, it ends the one connection, not the relay (see TcpLink).
                throw new IllegalStateException("rewrite rule " + faults.rewrites().get(i)
                        + " overflowed the stack on a chunk of " + chunk.length + " bytes", e);
            }
            matcher.appendTail(out);
            text = out.toString();
            changed = true;
            hits.addAndGet(i, count);
            report.rewritten(faults.rewrites().get(i), count);
        }
        return changed ? text.getBytes(StandardCharsets.ISO_8859_1) : chunk;
    }

    /** Told of a rule that matched a chunk. */
    interface RewriteReport {
        void rewritten(RewriteRule rule, int matches);
    }
}
