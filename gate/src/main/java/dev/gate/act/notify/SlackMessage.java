package dev.gate.act.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Redactor;
import dev.gate.checks.Status;
import dev.gate.git.ChangedCommit;
import dev.gate.suite.NotifyEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A notice as Slack's incoming webhooks take it: Block Kit {@code blocks} (a header, sections, a
 * context line) and a {@code text} fallback for notifications and clients without blocks.
 * Mattermost and Rocket.Chat accept the same body. Slack caps a header at 150 characters and a
 * section at 3000, so texts are cut to fit, through the redactor.
 */
final class SlackMessage {
    private static final int HEADER_LIMIT = 150;
    private static final int SECTION_LIMIT = 2900;
    private static final int MAX_LISTED = 10;

    private final Redactor redactor;

    SlackMessage(Redactor redactor) {
        this.redactor = redactor;
    }

    ObjectNode render(Notice notice) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode message = json.objectNode();
        String reason = notice.event() == NotifyEvent.LIVE ? "" : notice.record().reason();
        message.put("text", redactor.cut(notice.headline() + (reason.isEmpty() ? "" : ": " + reason), SECTION_LIMIT));
        ArrayNode blocks = message.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", redactor.cut(notice.headline(), HEADER_LIMIT));
        section(blocks, summary(notice));
        if (!notice.commits().isEmpty()) {
            section(blocks, changes(notice));
        }
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text", redactor.cut(footer(notice), SECTION_LIMIT));
        return message;
    }

    private void section(ArrayNode blocks, String mrkdwn) {
        ObjectNode section = blocks.addObject().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", redactor.cut(mrkdwn, SECTION_LIMIT));
    }

    private static String summary(Notice notice) {
        List<String> lines = new ArrayList<>();
        if (notice.event() == NotifyEvent.LIVE) {
            lines.add("*Live:* " + escape(notice.record().expectedCommit().shortHex()) + " on " + escape(notice.record().target())
                    + notice.record().previousCommit().map(p -> " (before: " + p.shortHex() + ")").orElse(""));
        } else {
            lines.add("*" + notice.record().verdict().name() + ":* " + escape(notice.record().reason()));
            notice.rollback().ifPresent(r -> lines.add("*Rollback* " + escape(r)));
            List<CheckResult> failing = notice.failing();
            failing.stream().limit(MAX_LISTED).forEach(c -> lines.add("• " + c.status() + " " + escape(c.id() + ": " + c.summary())));
            if (failing.size() > MAX_LISTED) {
                lines.add("… and " + (failing.size() - MAX_LISTED) + " more");
            }
        }
        return String.join("\n", lines);
    }

    private static String changes(Notice notice) {
        List<String> lines = new ArrayList<>();
        lines.add("*Changes* " + notice.range() + ":");
        for (ChangedCommit c : notice.commits().subList(0, Math.min(MAX_LISTED, notice.commits().size()))) {
            lines.add("• `" + c.shortSha() + "` " + escape(c.subject()) + " (" + escape(c.author()) + ")");
        }
        if (notice.commits().size() > MAX_LISTED) {
            lines.add("… and " + (notice.commits().size() - MAX_LISTED) + " more commits");
        }
        return String.join("\n", lines);
    }

    private static String footer(Notice notice) {
        String link = notice.link().startsWith("http") ? "<" + escape(notice.link()) + "|the run>" : "report: " + escape(notice.link());
        return link + " · " + notice.record().checks().size() + " checks: " + notice.count(Status.PASS) + " pass, "
                + notice.count(Status.WARN) + " warn, " + notice.count(Status.FAIL) + " fail, " + notice.count(Status.ERROR) + " error"
                // checks that waited on a failed login: counted, so the numbers add up
                + (notice.count(Status.SKIPPED) == 0 ? "" : ", " + notice.count(Status.SKIPPED) + " skipped");
    }

    /** Slack's mrkdwn reads {@code &}, {@code <} and {@code >} as markup: these three are all it asks to escape. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
