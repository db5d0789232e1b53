package dev.gate.report;

import dev.gate.checks.CheckResult;
import dev.gate.checks.time.Durations;
import dev.gate.checks.Redactor;
import dev.gate.run.RunListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console while a run works: a line per stage, throttled progress lines for long checks, and
 * a line per check as it finishes, with how long it took. Everything passes the redactor.
 */
public final class ConsoleReporter implements RunListener {
    private static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(2).toNanos();

    private final PrintStream out;
    private final Style style;
    private final Redactor redactor;
    private final Map<String, Long> lastProgress = new ConcurrentHashMap<>();

    public ConsoleReporter(PrintStream out, Style style, Redactor redactor) {
        this.out = out;
        this.style = style;
        this.redactor = redactor;
    }

    @Override
    public void stage(String message) {
        print("→ " + message);
    }

    @Override
    public void progress(String id, String message) {
        // a person needs a sign of life, not a line per poll: wall time is right for that
        long now = System.nanoTime();
        Long last = lastProgress.get(id);
        if (last == null || now - last >= PROGRESS_EVERY_NANOS) {
            lastProgress.put(id, now);
            print(style.dim("  … " + id + ": " + message));
        }
    }

    @Override
    public void checkFinished(CheckResult r) {
        print("  " + style.status(r.status()) + " " + r.id() + "  " + style.dim(Durations.format(r.duration())) + "  " + r.summary());
    }

    public void line(String text) {
        print(text);
    }

    private synchronized void print(String text) {
        // one line per print: text from the site must not start a line of its own, where a CI
        // system could read it as a command (GitHub's "::error::...")
        out.println(redactor.redact(text).replace("\r", " ").replace("\n", " ⏎ "));
        out.flush();
    }
}
