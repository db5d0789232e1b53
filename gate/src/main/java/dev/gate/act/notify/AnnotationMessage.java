package dev.gate.act.notify;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gate.checks.Redactor;
import dev.gate.suite.NotifyEvent;

/**
 * A deploy marker in the body Grafana's annotations API takes ({@code POST /api/annotations}):
 * {@code time} in epoch milliseconds (when the release went live, or the verdict was reached), {@code tags} to filter markers
 * by on a dashboard, and {@code text}. Other APMs' deploy-marker endpoints take the same fields or
 * ignore what they do not know.
 */
final class AnnotationMessage {
    private final Redactor redactor;

    AnnotationMessage(Redactor redactor) {
        this.redactor = redactor;
    }

    ObjectNode render(Notice notice) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        boolean live = notice.event() == NotifyEvent.LIVE;
        m.put("time", (live ? notice.liveAt() : notice.record().decidedAt()).toEpochMilli());
        m.putArray("tags").add("deploy").add(notice.record().suite().name())
                .add("commit:" + notice.record().expectedCommit().shortHex());
        String text = notice.headline() + (live ? "" : ": " + notice.record().reason());
        m.put("text", redactor.cut(text + " (" + notice.range() + ")", 1000));
        return m;
    }
}
