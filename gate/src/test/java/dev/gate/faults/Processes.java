package dev.gate.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Which processes still run: what "no child process behind" is checked with. */
final class Processes {
    private Processes() {
    }

    /**
     * Whether the process still runs. A zombie runs nothing: it has exited and waits for its new
     * parent (init) to collect its status, so it counts as gone.
     */
    static boolean running(ProcessHandle p) {
        if (!p.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The processes of {@code processes} still running after waiting up to {@code grace} for them:
     * a signal takes a moment to be delivered, and the gate's exit comes right after it sends one.
     */
    static List<String> stillRunning(List<ProcessHandle> processes, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : processes) {
            long left = deadline - System.nanoTime();
            if (left > 0 && running(p)) {
                try {
                    p.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // a zombie never "exits" for ProcessHandle: judged below
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        }
        return processes.stream().filter(Processes::running).map(Processes::describe).toList();
    }

    static String describe(ProcessHandle p) {
        return p.pid() + " " + p.info().commandLine().orElse(p.info().command().orElse("?"));
    }

    /** Whether the process is a Chromium (browser, renderer, zygote, GPU helper, ...). */
    static boolean isChromium(ProcessHandle p) {
        String command = p.info().command().orElse("");
        return command.contains("chrom");
    }
}
