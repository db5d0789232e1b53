package dev.gate.act.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gate.checks.Redactor;
import dev.gate.checks.commit.Liveness;
import dev.gate.git.ChangedCommit;
import dev.gate.io.Json;
import dev.gate.report.HtmlReport;
import dev.gate.run.ActionRecord;
import dev.gate.run.ExitStatus;
import dev.gate.run.RecordRedaction;
import dev.gate.run.RunRecord;
import dev.gate.suite.NotifyEvent;
import dev.gate.suite.NotifyTarget;
import dev.gate.suite.Suite;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells the suite's {@code notify:} receivers about a run: once the release is live (before any
 * rollback, so the team hears of it first), and once the actions are done (the verdict, or
 * {@code rollback-failed} when a person is needed). Each receiver gets at most one message per
 * moment. A message that cannot be delivered is a WARN line and a failed {@code notify} action
 * record; it never changes the verdict or the exit status, since the gate's answer about the
 * release must not depend on whether the chat is up.
 */
public final class Notifications {
    public static final String KIND = "notify";

    private final Suite suite;
    private final Map<String, String> env;
    private final Clock clock;
    private final PrintStream echo;

    /** @param env where the link to a CI run is read from ({@code GITHUB_*} in GitHub Actions) */
    public Notifications(Suite suite, Map<String, String> env, Clock clock, PrintStream echo) {
        this.suite = suite;
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.echo = echo;
    }

    /** Whether any receiver may hear of this run: a shard's run is told once its shards are merged. */
    public boolean wanted(RunRecord record) {
        return !suite.notifications().isEmpty() && record.shard().isEmpty();
    }

    /** Whether a receiver is to hear that this run's release went live: only then are its commits worth listing. */
    public boolean announcesLive(RunRecord record) {
        return wanted(record) && record.release() == Liveness.LIVE
                && suite.notifications().stream().anyMatch(t -> t.sendsOn(NotifyEvent.LIVE));
    }

    /** The messages of the release going live, when it did. */
    public List<ActionRecord> live(RunRecord record, List<ChangedCommit> commits, Path runDir) throws InterruptedException {
        if (!announcesLive(record)) {
            return List.of();
        }
        return send(List.of(NotifyEvent.LIVE), record, commits, runDir);
    }

    /** The messages of the outcome, after the rollback: rollback-failed for a receiver that asked, else the verdict. */
    public List<ActionRecord> outcome(RunRecord record, List<ChangedCommit> commits, Path runDir) throws InterruptedException {
        if (!wanted(record)) {
            return List.of();
        }
        List<NotifyEvent> happened = new ArrayList<>();
        if (record.exitStatus() == ExitStatus.PERSON_NEEDED) {
            happened.add(NotifyEvent.ROLLBACK_FAILED);
        }
        happened.add(NotifyEvent.of(record.verdict()));
        return send(happened, record, commits, runDir);
    }

    /** Sends to each receiver the first of {@code happened} it asked for. */
    private List<ActionRecord> send(List<NotifyEvent> happened, RunRecord record,
                                    List<ChangedCommit> commits, Path runDir) throws InterruptedException {
        Redactor redactor = suite.redactor();
        RunRecord redacted = new RecordRedaction(redactor).apply(record);
        String link = link(runDir);
        List<ActionRecord> actions = new ArrayList<>();
        WebhookPost post = new WebhookPost(suite.timeouts().request(), redactor);
        for (NotifyTarget target : suite.notifications()) {
            Optional<NotifyEvent> event = happened.stream().filter(target::sendsOn).findFirst();
            if (event.isEmpty()) {
                continue;
            }
            Notice notice = new Notice(event.get(), redacted, commits, link);
            WebhookPost.Outcome outcome = post.send(target, body(target, notice, redactor));
            String summary = event.get().word() + " message to " + target.display() + " " + outcome.line();
            if (!outcome.delivered()) {
                summary = summary + "; the verdict stands";
                echo.println("WARN  notify: " + redactor.redact(summary));
            }
            actions.add(new ActionRecord(KIND, outcome.delivered() ? "succeeded" : "failed", clock.instant(),
                    redactor.redact(summary), List.of(), Map.of("kind", target.kind().key(), "event", event.get().word(),
                    "tries", String.valueOf(outcome.tries()))));
        }
        return actions;
    }

    private static byte[] body(NotifyTarget target, Notice notice, Redactor redactor) {
        ObjectNode json = switch (target.kind()) {
            case SLACK -> new SlackMessage(redactor).render(notice);
            case WEBHOOK -> new WebhookMessage(redactor).render(notice);
            case ANNOTATE -> new AnnotationMessage(redactor).render(notice);
        };
        try {
            return Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }

    /** The run's page in GitHub Actions, else the path of its HTML report. */
    String link(Path runDir) {
        String server = env.get("GITHUB_SERVER_URL");
        String repository = env.get("GITHUB_REPOSITORY");
        String run = env.get("GITHUB_RUN_ID");
        if (server != null && repository != null && run != null && !server.isBlank() && !repository.isBlank() && !run.isBlank()) {
            return server + "/" + repository + "/actions/runs/" + run;
        }
        return runDir.toAbsolutePath().resolve(HtmlReport.FILE).toString();
    }
}
