package dev.gate.checks;

import dev.gate.checks.http.HttpProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The services a check runs with: where the site is, the HTTP probe, time, where to put
 * evidence, and how to hide secrets. What a check asks about comes through its constructor.
 *
 * @param runDir  the run's output folder; artifacts go under {@code artifacts/<check id>/}
 * @param attempt which attempt of a check this context runs, from 1: a check the runner tries again
 *                keeps each later attempt's evidence in {@code artifacts/<check id>/attempt-<n>/},
 *                so the first attempt's screenshot is not overwritten by the second's
 */
public record CheckContext(
        URI target,
        HttpProbe http,
        Clock clock,
        Sleeper sleeper,
        Path runDir,
        Redactor redactor,
        Progress progress,
        int attempt) {

    public CheckContext {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(runDir, "runDir");
        Objects.requireNonNull(redactor, "redactor");
        Objects.requireNonNull(progress, "progress");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, got " + attempt);
        }
    }

    /** A context for a check's first attempt. */
    public CheckContext(URI target, HttpProbe http, Clock clock, Sleeper sleeper, Path runDir, Redactor redactor,
                        Progress progress) {
        this(target, http, clock, sleeper, runDir, redactor, progress, 1);
    }

    /** The same services for another attempt of a check. */
    public CheckContext forAttempt(int n) {
        return new CheckContext(target, http, clock, sleeper, runDir, redactor, progress, n);
    }

    /** The folder for one check's artifacts, created now. */
    public Path artifactDir(String checkId) {
        Path dir = artifactPath(checkId);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The folder for one check's artifacts, not created: for checks that may have none to keep. */
    public Path artifactPath(String checkId) {
        Path dir = runDir.resolve("artifacts").resolve(checkId).normalize();
        if (!dir.startsWith(runDir.resolve("artifacts"))) {
            throw new IllegalArgumentException("check id " + checkId + " would leave the run folder");
        }
        return attempt == 1 ? dir : dir.resolve("attempt-" + attempt);
    }

    /** A path to an artifact, relative to the run folder, as reports link to it. */
    public String relativeToRun(Path file) {
        return runDir.relativize(file).toString().replace('\\', '/');
    }

    public URI resolve(String pathOrUrl) {
        return Targets.resolve(target, pathOrUrl);
    }
}
