package dev.gate.cli;

import dev.gate.io.Io;
import dev.gate.checks.testing.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the real command line in process, with captured output, its own folder, env and clock. */
public final class Cli {
    private final Path cwd;
    private final Map<String, String> env = new HashMap<>();
    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");

    public Cli(Path cwd) {
        this.cwd = cwd;
    }

    public Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public ManualClock clock() {
        return clock;
    }

    /** What one command printed and returned. */
    public record Result(int exit, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    public Result run(String... args) {
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
