package dev.gate.run;

import dev.gate.checks.commit.CommitId;
import dev.gate.io.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A run's output folder, held for the run's whole life. It is claimed before anything is probed,
 * so an unwritable folder, or one another run is writing, stops the run at once instead of after
 * minutes of probing. The lock is an OS lock: it dies with the process, so a crashed run never
 * leaves the folder locked.
 */
public final class RunFolder implements AutoCloseable {
    private static final String LOCK = ".gate.lock";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean created;

    /** @param created whether claiming made the folder: only then may closing remove it again */
    private RunFolder(Path path, FileChannel channel, FileLock lock, boolean created) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.created = created;
    }

    /** {@code .gate/runs/<UTC time>-<sha7>} under {@code base}, with a suffix if that exists. */
    public static Path defaultPath(Path base, Instant now, CommitId commit) {
        Path runs = base.resolve(".gate").resolve("runs");
        String name = STAMP.format(now) + "-" + commit.shortHex();
        Path candidate = runs.resolve(name);
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = runs.resolve(name + "-" + i);
        }
        return candidate;
    }

    public static RunFolder claim(Path path) throws RunFolderException {
        boolean created = !Files.exists(path);
        try {
            AtomicFiles.createFolders(path);
        } catch (IOException e) {
            throw new RunFolderException("cannot create the output folder " + path + ": " + reason(e));
        }
        if (!Files.isWritable(path)) {
            throw new RunFolderException("the output folder " + path + " is not writable");
        }
        Path lockFile = path.resolve(LOCK);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new RunFolderException("another gate run is writing " + path + "; give this one its own --out");
            }
            return new RunFolder(path, channel, lock, created);
        } catch (OverlappingFileLockException e) {
            close(channel);
            throw new RunFolderException("another gate run is writing " + path + "; give this one its own --out");
        } catch (IOException e) {
            close(channel);
            throw new RunFolderException("the output folder " + path + " is not writable: " + reason(e));
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        normalizePermissions();
        try {
            lock.release();
        } catch (IOException e) {
            // the lock dies with the channel anyway
        }
        close(channel);
        try {
            Files.deleteIfExists(path.resolve(LOCK));
        } catch (IOException e) {
            // a lock file left behind is harmless: only an OS lock on it counts
        }
        if (created) {
            deleteIfEmpty();
        }
    }

    /**
     * A command that stopped before its run (the deploy command of gate run failed) leaves no empty
     * folder of its own making; a folder the person made is theirs to keep.
     */
    private void deleteIfEmpty() {
        try (java.util.stream.Stream<Path> inside = Files.list(path)) {
            if (inside.findAny().isEmpty()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            // not empty, or not ours to delete: leave it
        }
    }

    /**
     * Files 0644 and folders 0755, whatever the umask and whoever wrote them (the browser writes
     * screenshots and traces, commands write logs): nothing in a run folder is world-writable.
     */
    private void normalizePermissions() {
        try (java.util.stream.Stream<Path> all = Files.walk(path)) {
            all.forEach(p -> {
                try {
                    AtomicFiles.fixPermissions(p);
                } catch (IOException e) {
                    // a file that vanished meanwhile has no permissions to fix
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            // the folder became unreadable: nothing more to do here
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to do
            }
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The output folder cannot be used. */
    public static final class RunFolderException extends Exception {
        private static final long serialVersionUID = 1L;

        public RunFolderException(String message) {
            super(message);
        }
    }
}
