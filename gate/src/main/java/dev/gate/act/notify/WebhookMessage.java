package dev.gate.act.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Redactor;
import dev.gate.checks.Status;
import dev.gate.git.ChangedCommit;
import dev.gate.run.RunRecord;
import dev.gate.suite.NotifyEvent;

/**
 * A notice as a generic JSON document, schema {@value #SCHEMA}: the run record's summary for any
 * receiver (a chat bridge, a deploy tracker, a script), with snake_case keys like {@code result.json}.
 */
final class WebhookMessage {
    static final String SCHEMA = "gate.notify/1";
    private static final int SUMMARY_LIMIT = 300;

    private final Redactor redactor;

    WebhookMessage(Redactor redactor) {
        this.redactor = redactor;
    }

    ObjectNode render(Notice notice) {
        RunRecord r = notice.record();
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("schema", SCHEMA);
        m.put("event", notice.event().word());
        m.put("headline", redactor.redact(notice.headline()));
        m.put("suite", r.suite().name());
        m.put("target", redactor.redact(r.target()));
        m.put("expected_commit", r.expectedCommit().hex());
        m.put("previous_commit", r.previousCommit().map(c -> c.hex()).orElse(null));
        m.put("release", r.release().name().toLowerCase(java.util.Locale.ROOT));
        m.put("live_at", notice.liveAt().toString());
        ArrayNode commits = m.putArray("commits");
        for (ChangedCommit c : notice.commits()) {
            commits.addObject().put("sha", c.shortSha()).put("author", redactor.redact(c.author()))
                    .put("subject", redactor.redact(c.subject())).put("date", c.date().toString());
        }
        m.put("link", redactor.redact(notice.link()));
        if (notice.event() == NotifyEvent.LIVE) {
            // sent the moment the release is live: no verdict, reason or rollback exists yet
            m.put("started_at", r.startedAt().toString());
            return m;
        }
        m.put("verdict", r.verdict().name());
        m.put("reason", redactor.redact(r.reason()));
        m.put("exit_status", r.exitStatus());
        ObjectNode rollback = m.putObject("rollback");
        rollback.put("state", r.rollbackState().name().toLowerCase(java.util.Locale.ROOT));
        rollback.put("summary", notice.rollback().map(redactor::redact).orElse(null));
        ObjectNode counts = m.putObject("checks");
        counts.put("total", r.checks().size());
        for (Status s : Status.values()) {
            counts.put(s.name().toLowerCase(java.util.Locale.ROOT), notice.count(s));
        }
        ArrayNode failing = m.putArray("failing");
        for (CheckResult c : notice.failing()) {
            failing.addObject().put("id", c.id()).put("status", c.status().name())
                    .put("summary", redactor.cut(c.summary(), SUMMARY_LIMIT));
        }
        m.put("started_at", r.startedAt().toString());
        m.put("finished_at", r.finishedAt().toString());
        return m;
    }
}
