package dev.gate.realstack;

import java.io.IOException;

/** Another process on the machine using a whole core, as a build or a backup job beside the server would. */
public final class CpuBurner implements AutoCloseable {
    private final Process process;

    private CpuBurner(Process process) {
        this.process = process;
    }

    public static CpuBurner start() throws IOException {
        return new CpuBurner(new ProcessBuilder("/usr/bin/python3", "-c", "while True: pass")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
