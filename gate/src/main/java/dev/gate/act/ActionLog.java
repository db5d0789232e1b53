package dev.gate.act;

import dev.gate.checks.Redactor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * {@code actions.log} in the run folder: a write-ahead log. The intent of an action is on disk,
 * flushed, before the action starts, so that a gate killed halfway through a rollback leaves a
 * record of what it was doing. Each entry is one line, appended and forced to disk.
 */
public final class ActionLog {
    public static final String FILE = "actions.log";

    private final Path file;
    private final Redactor redactor;

    public ActionLog(Path runDir, Redactor redactor) {
        this.file = runDir.resolve(FILE);
        this.redactor = redactor;
    }

    public Path file() {
        return file;
    }

    public synchronized void append(Instant at, String entry) throws IOException {
        String line = at + " " + redactor.redact(entry).replace('\n', ' ') + "\n";
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        dev.gate.io.AtomicFiles.fixPermissions(file);
    }
}
