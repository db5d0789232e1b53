package dev.gate.faults;

import dev.gate.checks.testing.ManualClock;
import dev.gate.cli.GateCli;
import dev.gate.cli.Io;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The real command line run in this JVM, with captured output, its own folder and environment,
 * and a manual clock: convergence timeouts pass without waiting, while every network timeout and
 * every command the gate starts runs in real time.
 */
final class InProcessGate {
    private final Path cwd;
    private final Map<String, String> env = new HashMap<>();
    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");

    InProcessGate(Path cwd) {
        this.cwd = cwd;
    }

    InProcessGate env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** What one command printed and returned. */
    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            Io io = new Io(o, e, Map.copyOf(env), cwd, clock, clock, false);
            int exit = GateCli.run(args, io);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }
}
