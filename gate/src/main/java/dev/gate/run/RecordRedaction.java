package dev.gate.run;

import dev.gate.checks.Artifact;
import dev.gate.checks.Attempt;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Redactor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes every secret from a run record. Applied once before the record is written, and since
 * every report is rendered from the record, no report can show what the record does not hold.
 */
public final class RecordRedaction {
    private final Redactor redactor;

    public RecordRedaction(Redactor redactor) {
        this.redactor = redactor;
    }

    public RunRecord apply(RunRecord r) {
        if (redactor.isEmpty()) {
            return r;
        }
        return r.withTexts(text(r.target()), text(r.reason()), r.checks().stream().map(this::check).toList(),
                r.actions().stream().map(this::action).toList());
    }

    private CheckResult check(CheckResult c) {
        return new CheckResult(c.id(), c.kind(), text(c.name()), c.status(), text(c.summary()), texts(c.details()),
                metrics(c.metrics()), artifacts(c.artifacts()), c.playbook(), c.duration(),
                c.transientCause().map(this::text), c.earlierAttempts().stream().map(this::attempt).toList());
    }

    private Attempt attempt(Attempt a) {
        return new Attempt(a.status(), text(a.summary()), texts(a.details()), metrics(a.metrics()),
                artifacts(a.artifacts()), a.duration());
    }

    private List<Artifact> artifacts(List<Artifact> artifacts) {
        return artifacts.stream().map(a -> new Artifact(a.kind(), a.path(), text(a.description()))).toList();
    }

    private ActionRecord action(ActionRecord a) {
        Map<String, String> data = new LinkedHashMap<>();
        a.data().forEach((k, v) -> data.put(k, text(v)));
        return new ActionRecord(a.kind(), a.outcome(), a.at(), text(a.summary()), texts(a.details()), data);
    }

    private Map<String, Object> metrics(Map<String, Object> metrics) {
        Map<String, Object> out = new LinkedHashMap<>();
        metrics.forEach((k, v) -> out.put(k, value(v)));
        return out;
    }

    private Object value(Object v) {
        if (v instanceof String s) {
            return text(s);
        }
        if (v instanceof List<?> list) {
            return list.stream().map(this::value).toList();
        }
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put(k, value(x)));
            return out;
        }
        return v;
    }

    private List<String> texts(List<String> list) {
        return list.stream().map(this::text).toList();
    }

    private String text(String s) {
        return redactor.redact(s);
    }
}
