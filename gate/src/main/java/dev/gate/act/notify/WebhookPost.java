package dev.gate.act.notify;

import dev.gate.checks.Redactor;
import dev.gate.checks.http.HttpProbe;
import dev.gate.checks.http.ProbeResponse;
import dev.gate.checks.http.TlsPolicy;
import dev.gate.checks.time.Durations;
import dev.gate.suite.NotifyTarget;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts one JSON message to one receiver: both tries together within one time budget (the suite's
 * request timeout), so a receiver that hangs costs that budget and no more; a second try only
 * after an answer that may pass on its own (a 5xx, 429, a refused or reset connection) and while
 * budget is left. At most {@value #MAX_ANSWER} bytes of an answer are read. Receivers are always
 * verified over TLS: the suite's {@code tls.insecure} is about the site under test, not the chat.
 */
final class WebhookPost {
    private static final int MAX_ANSWER = 4096;
    private static final int MAX_TRIES = 2;

    /** How a message fared: delivered or not, after how many tries, in one line without the URL. */
    record Outcome(boolean delivered, int tries, String line) {
    }

    private final Duration budget;
    private final Redactor redactor;

    WebhookPost(Duration budget, Redactor redactor) {
        this.budget = budget;
        this.redactor = redactor;
    }

    Outcome send(NotifyTarget target, byte[] json) throws InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>(target.headers());
        headers.putIfAbsent("Content-Type", "application/json; charset=utf-8");
        headers.putIfAbsent("User-Agent", "gate (notify)");
        long deadline = System.nanoTime() + budget.toNanos();
        String last = "not sent";
        int tries = 0;
        while (tries < MAX_TRIES) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.compareTo(Duration.ofMillis(50)) < 0) {
                break;
            }
            tries++;
            try {
                ProbeResponse answer = new HttpProbe(left, TlsPolicy.VERIFY, MAX_ANSWER).post(target.url(), headers, json);
                if (answer.status() >= 200 && answer.status() < 300) {
                    return new Outcome(true, tries, "answered HTTP " + answer.status());
                }
                last = "answered HTTP " + answer.status() + snippet(answer);
                if (answer.status() < 500 && answer.status() != 429) {
                    // a rejected message (a revoked token, a bad body) is rejected again
                    break;
                }
            } catch (IOException e) {
                last = String.valueOf(e.getMessage());
                if (last.startsWith("no complete response within")) {
                    last = "no answer within " + Durations.format(budget);
                    break;
                }
            }
        }
        return new Outcome(false, tries, redactor.redact(last) + (tries > 1 ? " (tried twice)" : ""));
    }

    private String snippet(ProbeResponse answer) {
        String text = answer.bodyText().strip().replaceAll("\\s+", " ");
        return text.isEmpty() ? "" : ": " + redactor.cut(text, 80);
    }
}
