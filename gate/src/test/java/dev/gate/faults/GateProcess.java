package dev.gate.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The gate as a real process, as a pipeline runs it: {@code java -cp <this classpath>
 * dev.gate.cli.Main ...} with the test's own Java, its output read line by line as it comes, so a
 * test can wait for a stage to begin and then send a real signal with {@code kill}.
 */
final class GateProcess implements AutoCloseable {
    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final List<String> both = new ArrayList<>();
    private final Thread outPump;
    private final Thread errPump;

    private GateProcess(Process process) {
        this.process = process;
        this.outPump = pump(process.getInputStream(), out, "gate-process-out");
        this.errPump = pump(process.getErrorStream(), err, "gate-process-err");
    }

    static Builder in(Path cwd) {
        return new Builder(cwd);
    }

    /** How to start one gate process. */
    static final class Builder {
        private final Path cwd;
        private final Map<String, String> env = new HashMap<>();
        private final List<String> jvm = new ArrayList<>();
        private String umask;

        private Builder(Path cwd) {
            this.cwd = cwd;
        }

        Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        Builder jvm(String option) {
            jvm.add(option);
            return this;
        }

        /** Starts the JVM through {@code sh -c 'umask U; exec java ...'}: the harness sets the umask, not the gate. */
        Builder umask(String mask) {
            umask = mask;
            return this;
        }

        GateProcess start(String... args) {
            List<String> java = new ArrayList<>();
            java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            java.addAll(jvm);
            java.add("-cp");
            java.add(System.getProperty("java.class.path"));
            java.add("dev.gate.cli.Main");
            java.addAll(List.of(args));
            List<String> command = new ArrayList<>();
            if (signalsIgnoredHere()) {
                // a process started in the background of a non-interactive shell ignores SIGINT, and so
                // would its children: give the gate the default disposition a terminal would
                command.addAll(List.of("env", "--default-signal=INT,TERM"));
            }
            if (umask != null) {
                command.addAll(List.of("sh", "-c", "umask " + umask + "; exec \"$@\"", "sh"));
            }
            command.addAll(java);
            ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
            builder.environment().putAll(env);
            try {
                Process p = builder.start();
                p.getOutputStream().close();
                return new GateProcess(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Whether this JVM ignores SIGINT or SIGTERM (bits 2 and 15 of SigIgn), which its children inherit. */
    private static boolean signalsIgnoredHere() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                    return (mask & (1L << 1)) != 0 || (mask & (1L << 14)) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: nothing to correct
        }
        return false;
    }

    private Thread pump(InputStream stream, List<String> lines, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (this) {
                        lines.add(line);
                        both.add(line);
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Waits until a line of stdout or stderr contains {@code text}; fails with the output so far if none does. */
    String awaitLine(String text, Duration timeout) {
        return awaitLine(l -> l.contains(text), "a line containing \"" + text + "\"", timeout);
    }

    synchronized String awaitLine(Predicate<String> wanted, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (true) {
            for (; seen < both.size(); seen++) {
                if (wanted.test(both.get(seen))) {
                    return both.get(seen);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || (!process.isAlive() && !outPump.isAlive() && !errPump.isAlive())) {
                throw new AssertionError("the gate printed no " + what + " within " + timeout.toSeconds() + "s"
                        + (process.isAlive() ? "" : " (it exited " + process.exitValue() + ")") + "; its output:\n"
                        + String.join("\n", both));
            }
            try {
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Sends a signal the way a person or a CI runner does: {@code kill -s INT <pid>}. */
    void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", name, String.valueOf(pid())).redirectErrorStream(true).start();
            String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -s " + name + " " + pid() + " failed: " + said);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits for the exit; a gate still running after {@code timeout} is killed and the test fails. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new AssertionError("the gate did not exit within " + timeout.toSeconds() + "s; its output:\n" + output());
            }
            outPump.join(10_000);
            errPump.join(10_000);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    synchronized String out() {
        return String.join("\n", out);
    }

    synchronized String err() {
        return String.join("\n", err);
    }

    /** stdout and stderr interleaved as they arrived. */
    synchronized String output() {
        return String.join("\n", both);
    }

    /** Every process the gate started and theirs, now. */
    List<ProcessHandle> descendants() {
        return process.toHandle().descendants().toList();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
