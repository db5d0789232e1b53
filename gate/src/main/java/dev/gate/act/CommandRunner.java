package dev.gate.act;

import dev.gate.checks.Redactor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a user's command as an argument vector, never through a shell, under a timeout. Its output
 * (stdout and stderr together) is redacted line by line into a log file and, when asked, echoed;
 * both keep only the head and the tail of a long output ({@link HeadAndTail}), and say what they dropped.
 * At the timeout, or when the gate is interrupted, the whole process tree is killed, and with it
 * every process left in the command's own session ({@link Session}): a rollback script's hanging
 * child, or a daemon it double-forked, must not outlive the gate.
 */
public final class CommandRunner {
    private static final Duration GRACE = Duration.ofSeconds(3);
    /** What {@code rollback.log} (and the deploy log) keeps of each end of the output. */
    static final long LOG_END = 1024 * 1024;
    /** What the console shows of each end of the output: enough to see what happened, not a flood. */
    static final long ECHO_END = 32 * 1024;
    /** The longest line read, in characters; the rest of a longer line is counted, not kept. */
    static final int LINE_READ = 16 * 1024;

    private final Redactor redactor;

    public CommandRunner(Redactor redactor) {
        this.redactor = redactor;
    }

    public ProcessOutcome run(List<String> argv, Map<String, String> env, Path workDir, Duration timeout,
                              Path log, Optional<PrintStream> echo) throws InterruptedException {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(Session.starting(argv)).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Optional<String> notStartable = Session.notStartable(argv.get(0), workDir, builder.environment());
        if (notStartable.isPresent()) {
            return new ProcessOutcome(Optional.empty(), false, Optional.of(startError(argv, notStartable.get())), took(start));
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new ProcessOutcome(Optional.empty(), false, Optional.of(startError(argv, e)), took(start));
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // a command that has already exited needs no input either
        }
        Thread pump = pump(process, log, echo);
        try {
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                killTree(process);
                pump.join(GRACE.toMillis());
                return new ProcessOutcome(Optional.empty(), true, Optional.empty(), took(start));
            }
            pump.join(GRACE.toMillis());
            return new ProcessOutcome(Optional.of(process.exitValue()), false, Optional.empty(), took(start));
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
    }

    private Thread pump(Process process, Path log, Optional<PrintStream> echo) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 OutputStream out = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                HeadAndTail toLog = new HeadAndTail(LOG_END, LOG_END, line -> {
                    try {
                        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                Optional<HeadAndTail> toEcho = echo.map(e -> new HeadAndTail(ECHO_END, ECHO_END, line -> e.println("  │ " + line)));
                BoundedLines lines = new BoundedLines(in, LINE_READ);
                try {
                    for (Optional<BoundedLines.Line> line; (line = lines.next()).isPresent(); ) {
                        String clean = shown(line.get());
                        toLog.accept(clean);
                        toEcho.ifPresent(e -> e.accept(clean));
                    }
                } finally {
                    // the tail, also when the process was killed and its output ended early
                    toEcho.ifPresent(HeadAndTail::finish);
                    toLog.finish();
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // the process was killed, or the log became unwritable: the outcome says what matters
            }
        }, "gate-command-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * A line masked, and cut when it was longer than the gate reads. The cut leaves out the last
     * characters read as long as the longest secret: a secret that straddled the end of what was
     * read cannot leave its first characters behind.
     */
    private String shown(BoundedLines.Line line) {
        if (line.cut() == 0) {
            return redactor.redact(line.text());
        }
        int longest = redactor.secrets().stream().mapToInt(String::length).max().orElse(0);
        int keep = Math.max(0, LINE_READ - longest);
        return redactor.cut(line.text(), keep) + " (the line had " + (line.text().length() + line.cut()) + " characters)";
    }

    /**
     * Kills the children first (they would be re-parented and survive), then the process. The
     * children are its tree and, when it was started in a session of its own, everything still in
     * that session: a double-forked daemon has left the tree but not the session.
     */
    public static void killTree(Process process) {
        ProcessHandle handle = process.toHandle();
        List<ProcessHandle> children = java.util.stream.Stream.concat(handle.descendants(), Session.members(handle).stream())
                .filter(p -> p.pid() != handle.pid()).distinct().toList();
        handle.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // still going after SIGKILL: nothing more a process can do
            }
        }
    }

    /**
     * A command line for the console: long arguments (a classpath) are shortened in the middle,
     * each masked first, so that a secret in an argument is never cut in two halves that no longer match.
     */
    public static String display(List<String> argv, Redactor redactor) {
        StringBuilder out = new StringBuilder();
        for (String arg : argv) {
            if (out.length() > 0) {
                out.append(' ');
            }
            String a = redactor.redact(arg);
            out.append(a.length() > 60 ? head(a, 28) + Redactor.CUT + tail(a, 28) : a);
        }
        return out.toString();
    }

    /** The first characters, never inside a mask. */
    private static String head(String a, int n) {
        String cut = Redactor.none().cut(a, n);
        return cut.substring(0, cut.length() - Redactor.CUT.length());
    }

    /** The last characters, never inside a mask. */
    private static String tail(String a, int n) {
        return new StringBuilder(head(new StringBuilder(a).reverse().toString(), n)).reverse().toString();
    }

    private static String startError(List<String> argv, IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("error=2,")) {
            return startError(argv, "no such file");
        }
        if (message.contains("error=13,")) {
            return startError(argv, "not executable");
        }
        return argv.get(0) + ": " + message;
    }

    private static String startError(List<String> argv, String problem) {
        return argv.get(0) + ": " + problem + (problem.equals("no such file")
                ? " (commands run without a shell: give a path, or a program on the PATH)"
                : " (chmod +x it, or run it through its interpreter)");
    }

    private static Duration took(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
