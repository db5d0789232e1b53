package dev.gate.checks;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Collections;

/**
 * What one check found: a status, a one-line summary a person understands, details, metrics
 * other tools read, artifacts and the runbook to open. Immutable; copy with the {@code with*}
 * methods.
 *
 * @param id       unique within a run, also the artifact folder name
 * @param kind     the family of check ({@code commit}, {@code page}, {@code api}, {@code latency}, ...)
 * @param name     what was checked, for people ({@code GET /api/health})
 * @param metrics  numbers, strings or lists of numbers, in insertion order
 * @param playbook the runbook's name, resolved to a link by the reports
 * @param duration how long the check took; {@code duration_ms} in a run record
 * @param transientCause  why a failure may pass when tried again ({@code HTTP 502}, {@code connection
 *                        refused by 127.0.0.1:8080}), set by the check, which alone knows the cause;
 *                        empty when trying again cannot help (a missing selector on a page served 200)
 * @param earlierAttempts the attempts before this one when the runner tried again, oldest first;
 *                        empty when the check ran once
 */
public record CheckResult(
        String id,
        String kind,
        String name,
        Status status,
        String summary,
        List<String> details,
        Map<String, Object> metrics,
        List<Artifact> artifacts,
        String playbook,
        @JsonProperty("duration_ms") @JsonFormat(shape = JsonFormat.Shape.NUMBER_INT, pattern = "MILLIS")
        Duration duration,
        Optional<String> transientCause,
        List<Attempt> earlierAttempts) {

    public CheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        // a record written by an older gate may lack the optional parts
        details = details == null ? List.of() : List.copyOf(details);
        metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        playbook = playbook == null ? "" : playbook;
        duration = duration == null ? Duration.ZERO : duration;
        // absent from records written before retries existed
        transientCause = transientCause == null ? Optional.empty() : transientCause;
        earlierAttempts = earlierAttempts == null ? List.of() : List.copyOf(earlierAttempts);
    }

    /** A result of one attempt, with no transient cause: what every check returned before retries. */
    public CheckResult(String id, String kind, String name, Status status, String summary, List<String> details,
                       Map<String, Object> metrics, List<Artifact> artifacts, String playbook, Duration duration) {
        this(id, kind, name, status, summary, details, metrics, artifacts, playbook, duration, Optional.empty(),
                List.of());
    }

    /** Failed at first and passed when tried again: a warning, since the site did fail once. */
    @JsonIgnore
    public boolean flaky() {
        return !earlierAttempts.isEmpty() && !status.isProblem();
    }

    /** How many times the check ran. */
    @JsonIgnore
    public int attempts() {
        return earlierAttempts.size() + 1;
    }

    /**
     * The same result with its summary on one line. The runner applies it to every result a check
     * returns; a record read back from disk is taken as it is, and the reports escape it.
     */
    public CheckResult withOneLineSummary() {
        String line = oneLine(summary);
        return line.equals(summary) ? this : withStatus(status, line);
    }

    /**
     * A summary often quotes the site (a console message, a marker value), and the console prints it
     * as a line: a line break in it would start a line of the site's choosing, which a CI runner may
     * read as a command ({@code ::error ...}), and a control character could drive the terminal.
     */
    private static String oneLine(String text) {
        if (text.chars().noneMatch(c -> c < 0x20 || c == 0x7f)) {
            return text;
        }
        return text.strip().replaceAll("[\\r\\n\\t]+", " ").replaceAll("\\p{Cntrl}", "");
    }

    public static CheckResult of(String id, String kind, String name, Status status, String summary) {
        return new CheckResult(id, kind, name, status, oneLine(summary), List.of(), Map.of(), List.of(), "", Duration.ZERO);
    }

    public static CheckResult pass(String id, String kind, String name, String summary) {
        return of(id, kind, name, Status.PASS, summary);
    }

    public static CheckResult warn(String id, String kind, String name, String summary) {
        return of(id, kind, name, Status.WARN, summary);
    }

    public static CheckResult fail(String id, String kind, String name, String summary) {
        return of(id, kind, name, Status.FAIL, summary);
    }

    /** Not run, because {@code reason} (something it needs failed): the summary says so. */
    public static CheckResult skipped(String id, String kind, String name, String reason) {
        return of(id, kind, name, Status.SKIPPED, "skipped: " + reason);
    }

    /** The check could not run: {@code cause} becomes the one-line summary. */
    public static CheckResult error(String id, String kind, String name, String cause) {
        return of(id, kind, name, Status.ERROR, cause);
    }

    public CheckResult withDetails(List<String> newDetails) {
        return new CheckResult(id, kind, name, status, summary, newDetails, metrics, artifacts, playbook,
                duration, transientCause, earlierAttempts);
    }

    public CheckResult withMetrics(Map<String, Object> newMetrics) {
        return new CheckResult(id, kind, name, status, summary, details, newMetrics, artifacts, playbook,
                duration, transientCause, earlierAttempts);
    }

    public CheckResult withArtifacts(List<Artifact> newArtifacts) {
        return new CheckResult(id, kind, name, status, summary, details, metrics, newArtifacts, playbook,
                duration, transientCause, earlierAttempts);
    }

    public CheckResult withPlaybook(String newPlaybook) {
        return new CheckResult(id, kind, name, status, summary, details, metrics, artifacts, newPlaybook,
                duration, transientCause, earlierAttempts);
    }

    public CheckResult withDuration(Duration newDuration) {
        return new CheckResult(id, kind, name, status, summary, details, metrics, artifacts, playbook,
                newDuration, transientCause, earlierAttempts);
    }

    /** The same result, marked as a failure that may pass when tried again, for the reason given. */
    public CheckResult withTransientCause(String cause) {
        return new CheckResult(id, kind, name, status, summary, details, metrics, artifacts, playbook, duration,
                Optional.of(cause), earlierAttempts);
    }

    public CheckResult withStatus(Status newStatus, String newSummary) {
        return new CheckResult(id, kind, name, newStatus, newSummary, details, metrics, artifacts, playbook,
                duration, transientCause, earlierAttempts);
    }
}
