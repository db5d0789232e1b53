package dev.gate.io;

import dev.gate.checks.Sleeper;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a command touches of the outside world, passed in so that tests run the real commands
 * with captured output, their own environment and folder.
 *
 * @param cwd  relative paths on the command line are resolved against it
 * @param stop whether a person stopped the command with a signal
 */
public record Io(PrintStream out, PrintStream err, Map<String, String> env, Path cwd, Clock clock,
                 Sleeper sleeper, boolean terminal, StopSignal stop) {

    /** An Io no signal reaches, as tests run the commands. */
    public Io(PrintStream out, PrintStream err, Map<String, String> env, Path cwd, Clock clock, Sleeper sleeper,
              boolean terminal) {
        this(out, err, env, cwd, clock, sleeper, terminal, StopSignal.none());
    }

    public static Io system(StopSignal stop) {
        return new Io(System.out, System.err, System.getenv(), Path.of("").toAbsolutePath(), Clock.systemUTC(),
                Sleeper.real(), System.console() != null, stop);
    }

    public Path resolve(Path p) {
        return cwd.resolve(p).normalize();
    }

    /** A path as a person in this folder would type it: relative when it is below it. */
    public String display(Path p) {
        return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
    }
}
