package dev.gate.checks.api;

import dev.gate.checks.Check;
import dev.gate.checks.CheckContext;
import dev.gate.checks.CheckResult;
import dev.gate.checks.LoginOutcome;
import dev.gate.checks.SessionSource;
import dev.gate.checks.time.Durations;
import dev.gate.checks.Redactor;
import dev.gate.checks.Status;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Does a key API answer as declared? Sends the suite's request once, on a fresh connection, and
 * reports every expectation it misses. A call that gets no response (refused, timed out, TLS
 * rejected) fails with the cause. A failure another attempt may not repeat (no answer, a 5xx) is
 * marked with its {@link CheckResult#transientCause()}; trying again is the runner's business.
 *
 * <p>Nothing secret leaves this class: every string of the result passes through the context's
 * redactor, widened with the values of credential headers ({@code Authorization}, {@code Cookie},
 * {@code Set-Cookie}, {@code X-Api-Key}) sent or received, whether or not the suite declared them
 * secret, because servers echo them back in bodies and headers.
 *
 * <p>A call with {@code auth: session} is sent with the cookies of the session the suite's login
 * made that a browser would send to its URL, and is skipped with the login's reason when there is
 * no session.
 */
public final class ApiCheck implements Check {
    public static final String KIND = "api";
    public static final String PLAYBOOK = "api-failed";

    private final ApiSpec spec;
    private final Optional<SessionSource> login;

    public ApiCheck(ApiSpec spec) {
        this(spec, Optional.empty());
    }

    /** @param login where a call with {@code auth: session} gets its cookies; without one such a call is skipped */
    public ApiCheck(ApiSpec spec, Optional<SessionSource> login) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.login = Objects.requireNonNull(login, "login");
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String name() {
        return spec.describe();
    }

    public ApiSpec spec() {
        return spec;
    }

    /**
     * The result's {@code time_ms} is the exchange alone, timed inside the HTTP client, which is
     * also what {@code max_ms} is held against; its duration is the whole check, Rest Assured's
     * own work included (seconds for the first call in a JVM, while Groovy starts).
     */
    @Override
    public CheckResult run(CheckContext context) {
        URI uri = context.resolve(spec.path());
        ApiSpec sent = spec;
        Redactor redactor = context.redactor();
        if (spec.session()) {
            if (login.isEmpty()) {
                return CheckResult.skipped(spec.id(), KIND, spec.describe(), "the call needs the session (auth: session), and no login ran");
            }
            LoginOutcome outcome;
            try {
                outcome = login.get().obtain(context);
            } catch (InterruptedException e) {
                // the run is being stopped; the runner records that
                Thread.currentThread().interrupt();
                return CheckResult.error(spec.id(), KIND, spec.describe(), "interrupted while waiting for the login");
            }
            if (outcome instanceof LoginOutcome.NotLoggedIn failed) {
                return CheckResult.skipped(spec.id(), KIND, redactor.redact(spec.describe()),
                        redactor.redact("the login " + failed.summary()));
            }
            LoginOutcome.LoggedIn session = (LoginOutcome.LoggedIn) outcome;
            redactor = redactor.with(session.secrets());
            String cookies = session.cookieHeader(uri);
            if (!cookies.isEmpty()) {
                sent = spec.withCookies(cookies);
            }
        }
        return call(sent, uri, redactor.with(SecretHeaders.values(listed(sent.headers()))), context);
    }

    /** Sends {@code sent} (the suite's call, with the session's cookies where it asks for them) and judges the answer. */
    private CheckResult call(ApiSpec sent, URI uri, Redactor redactor, CheckContext context) {
        String name = sent.describe();
        long start = System.nanoTime();
        ApiResponse response;
        try {
            response = ApiCall.fresh(context.http().timeout(), context.http().tls(), sent.maxBody()).send(sent, uri);
        } catch (ApiCallException e) {
            String summary = name + ": " + e.getMessage();
            CheckResult failed = result(redactor, name, Status.FAIL, summary, List.of(summary), Map.of(), since(start));
            return e.mayPassAgain() ? failed.withTransientCause(redactor.redact(e.getMessage())) : failed;
        }
        redactor = redactor.with(SecretHeaders.values(response.headers()));
        List<String> failures = new ResponseAssertions(name, spec.expect(), redactor).failures(response);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("status", response.status());
        metrics.put("time_ms", response.time().toMillis());
        metrics.put("bytes", response.bytes());
        if (failures.isEmpty()) {
            String summary = name + " → " + response.status() + " in " + Durations.format(response.time());
            return result(redactor, name, Status.PASS, summary, List.of(), metrics, since(start));
        }
        CheckResult failed = result(redactor, name, Status.FAIL, failures.get(0), failures, metrics, since(start));
        return serverFault(response) ? failed.withTransientCause("HTTP " + response.status()) : failed;
    }

    /**
     * A 5xx the suite did not ask for: the server says the fault is its own, which a draining load
     * balancer (502), a restarting instance (503) or a slow upstream (504) makes true for a moment.
     * Any other miss (a JSON value, a body text, a header on a 2xx) answers the same every time.
     */
    private boolean serverFault(ApiResponse response) {
        return response.status() >= 500 && !spec.expect().statuses().accepts(response.status());
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private CheckResult result(Redactor redactor, String name, Status status, String summary, List<String> details,
                               Map<String, Object> metrics, Duration duration) {
        Map<String, Object> shown = new LinkedHashMap<>();
        metrics.forEach((k, v) -> shown.put(k, v instanceof String s ? redactor.redact(s) : v));
        return new CheckResult(spec.id(), KIND, redactor.redact(name), status, redactor.redact(summary),
                details.stream().map(redactor::redact).toList(), shown, List.of(),
                status == Status.PASS ? "" : PLAYBOOK, duration);
    }

    private static Map<String, List<String>> listed(Map<String, String> headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.put(k, List.of(v)));
        return out;
    }
}
