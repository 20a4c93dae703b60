package io.socketdeck.cli.script;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.send.Checksum;
import io.socketdeck.core.send.MacroValues;
import io.socketdeck.core.send.PayloadException;
import io.socketdeck.core.send.PayloadOptions;
import io.socketdeck.core.text.InputErrors;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs one script's steps in order on the script's thread, each reported as it ends. The first
 * failing step ends the script: the steps after it are reported as skipped, and every connection
 * it opened is closed. Variables start as the script's {@code vars} and grow with each capture;
 * <code>{{COUNTER}}</code> counts the script's sends that use it.
 */
final class ScriptRunner {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final Script script;
    private final SelectorLoop loop;
    private final Consumer<StepResult> report;
    private final BooleanSupplier stopped;
    private final Map<String, String> vars;
    private final AtomicLong counter = new AtomicLong();
    private final MacroValues macroValues = counter::incrementAndGet;
    private final Map<String, Link> named = new HashMap<>();
    private final List<Link> opened = new ArrayList<>();
    private final Deque<String> rounds = new ArrayDeque<>();
    private Link last;
    private volatile Step.Action running;

    /**
     * @param report  told of each step as it ends
     * @param stopped true once the run was interrupted: no further step starts
     */
    ScriptRunner(Script script, SelectorLoop loop, Consumer<StepResult> report, BooleanSupplier stopped) {
        this.script = script;
        this.loop = loop;
        this.report = report;
        this.stopped = stopped;
        this.vars = new HashMap<>(script.vars());
    }

    /** @return true when every step passed */
    boolean run() throws InterruptedException {
        try {
            return run(script.steps());
        } finally {
            for (Link link : opened) {
                link.close(CLOSE_WAIT);
            }
        }
    }

    /** The step running now (until it is reported), or null between steps. */
    Step.Action running() {
        return running;
    }

    private boolean run(List<Step> steps) throws InterruptedException {
        for (Step step : steps) {
            if (stopped.getAsBoolean()) {
                return false;
            }
            if (step instanceof Step.Repeat repeat) {
                for (int round = 1; round <= repeat.times(); round++) {
                    rounds.addLast(round + "/" + repeat.times());
                    boolean passed = run(repeat.steps());
                    rounds.removeLast();
                    if (!passed) {
                        return false;
                    }
                }
            } else {
                Step.Action action = (Step.Action) step;
                running = action;
                StepResult result = execute(action);
                report.accept(result);
                running = null;
                if (result.status() == StepResult.Status.FAIL) {
                    skipped(script, later -> later.number() > action.number(), "not run: step " + action.number()
                            + " failed").forEach(report);
                    return false;
                }
            }
        }
        return true;
    }

    private StepResult execute(Step.Action action) throws InterruptedException {
        long start = System.nanoTime();
        Outcome outcome;
        if (action instanceof Step.Connect connect) {
            outcome = connect(connect);
        } else if (action instanceof Step.Send send) {
            outcome = send(send);
        } else if (action instanceof Step.Expect expect) {
            outcome = expect(expect);
        } else if (action instanceof Step.Sleep sleep) {
            Thread.sleep(sleep.time().toMillis()); // the step itself is the wait
            outcome = Outcome.pass(action.describe());
        } else {
            outcome = close((Step.Close) action);
        }
        long nanos = System.nanoTime() - start;
        return new StepResult(outcome.status(), script, action, round(), System.currentTimeMillis(), nanos,
                outcome.detail(), outcome.message(), outcome.expected(), outcome.received(), outcome.fields());
    }

    /** The steps {@code which} takes, in file order, once each, as skipped for the reason {@code why}. */
    static List<StepResult> skipped(Script script, Predicate<Step.Action> which, String why) {
        List<StepResult> skipped = new ArrayList<>();
        for (Step.Action action : actions(script.steps(), new ArrayList<>())) {
            if (which.test(action)) {
                skipped.add(skip(script, action, why));
            }
        }
        return skipped;
    }

    static StepResult skip(Script script, Step.Action action, String why) {
        return new StepResult(StepResult.Status.SKIP, script, action, null, System.currentTimeMillis(), 0,
                action.describe() + ": " + why, why, null, null, Map.of());
    }

    /** Every action in file order, a repeat's once. */
    static List<Step.Action> actions(List<Step> steps, List<Step.Action> into) {
        for (Step step : steps) {
            if (step instanceof Step.Repeat repeat) {
                actions(repeat.steps(), into);
            } else {
                into.add((Step.Action) step);
            }
        }
        return into;
    }

    private String round() {
        return rounds.isEmpty() ? null : String.join(" ", rounds);
    }

    private Outcome connect(Step.Connect step) throws InterruptedException {
        String what = "connect " + step.protocol().name().toLowerCase(Locale.ROOT);
        HostPort target = HostPort.parse(step.target().resolve(vars));
        if (!target.valid()) {
            return Outcome.fail(what + " " + step.target().resolve(vars), target.problem());
        }
        what += " " + step.target().resolve(vars).strip();
        if (step.name() != null && named.containsKey(step.name()) && named.get(step.name()).isOpen()) {
            return Outcome.fail(what, "the connection named " + step.name() + " is still open: close it first");
        }
        Link link = Link.open(step, target, loop);
        opened.add(link);
        String problem = link.awaitConnected();
        if (problem != null) {
            return Outcome.fail(what, problem);
        }
        last = link;
        if (step.name() != null) {
            named.put(step.name(), link);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("local", link.local());
        fields.put("remote", link.remote());
        return Outcome.pass(what + ": connected from " + link.local(), fields);
    }

    private Link link(String on) {
        return on == null ? last : named.get(on);
    }

    private Outcome send(Step.Send step) throws InterruptedException {
        Link link = link(step.on());
        PayloadOptions options = Sends.options(step, link.step().charset(), link.step().lineEnd());
        byte[] bytes;
        try {
            bytes = Sends.build(step, options, vars, macroValues);
        } catch (PayloadException e) {
            return Outcome.fail(step.describe(), InputErrors.payload(e));
        }
        boolean asText = !options.hex() && options.checksum() == Checksum.NONE;
        String shown = asText ? Shown.quote(new String(bytes, options.charset())) : "hex " + Shown.hex(bytes);
        String what = "send " + shown + (step.on() == null ? "" : " on " + step.on());
        String problem = link.send(bytes);
        if (problem != null) {
            return Outcome.fail(what, problem);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("bytes", bytes.length);
        if (asText) {
            fields.put("text", new String(bytes, options.charset()));
        } else {
            fields.put("hex", HexFormat.of().withUpperCase().formatHex(bytes));
        }
        return Outcome.pass(what + " (" + bytes.length + (bytes.length == 1 ? " byte)" : " bytes)"), fields);
    }

    private Outcome expect(Step.Expect step) throws InterruptedException {
        Link link = link(step.on());
        Expected expected;
        try {
            expected = Expected.of(step, vars);
        } catch (Expected.Invalid e) {
            return Outcome.fail(step.describe(), e.getMessage());
        }
        String what = "expect " + expected.shown() + (step.on() == null ? "" : " on " + step.on());
        Object result = link.await(expected::take, step.timeout());
        if (result instanceof Expected.Found found) {
            vars.putAll(found.captured());
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("matched", found.matched());
            if (!found.captured().isEmpty()) {
                fields.put("captured", found.captured());
            }
            StringBuilder detail = new StringBuilder(what);
            if (!(expected instanceof Expected.Text)) {
                detail.append(": matched ").append(expected.bytes() ? found.matched() : Shown.quote(found.matched()));
            }
            found.captured().forEach((name, value) -> detail.append(", ").append(name).append('=').append(word(value)));
            return Outcome.pass(detail.toString(), fields);
        }
        Link.Ended ended = (Link.Ended) result;
        String text = link.peek(ReceivedStream::text);
        byte[] bytes = link.peek(ReceivedStream::bytes);
        boolean asHex = expected.bytes() || text.isEmpty();
        String received = bytes.length == 0 ? "nothing" : asHex ? (expected.bytes() ? "" : "hex ") + Shown.hex(bytes)
                : Shown.quote(text);
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("match", step.match().name().toLowerCase(Locale.ROOT));
        raw.put("expected", expected.source());
        raw.put(asHex ? "received_hex" : "received", asHex ? HexFormat.of().withUpperCase().formatHex(bytes) : text);
        return Outcome.missed(what, ended.why(), expected.shown(), received, raw);
    }

    /** A captured value in a line: as it is, or quoted when it has spaces or is empty. */
    private static String word(String value) {
        return value.isEmpty() || value.chars().anyMatch(c -> Character.isWhitespace(c) || c < 0x20)
                ? Shown.quote(value) : value;
    }

    private Outcome close(Step.Close step) throws InterruptedException {
        Link link = link(step.on());
        String what = "close " + link.remote() + (step.on() == null ? "" : " (" + step.on() + ")");
        boolean wasOpen = link.isOpen();
        link.close(CLOSE_WAIT);
        return Outcome.pass(wasOpen ? what : what + ": it was closed already");
    }
}
