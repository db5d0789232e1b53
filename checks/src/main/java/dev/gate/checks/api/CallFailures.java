package dev.gate.checks.api;

import dev.gate.checks.http.UnreadableBodyException;
import dev.gate.checks.time.Durations;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.apache.http.NoHttpResponseException;
import org.apache.http.client.RedirectException;
import org.apache.http.conn.ConnectTimeoutException;

/**
 * Turns what Apache HttpClient and Rest Assured throw into a cause a person reads in one line:
 * {@code connection refused by 127.0.0.1:1234}, {@code no response within 10s}. The exception's
 * own message is used only as a last resort, since some of them carry the whole URL.
 */
final class CallFailures {
    private CallFailures() {
    }

    /**
     * @param expired whether the call's deadline passed and its connections were closed under it,
     *                which makes the client throw whatever the closed socket happened to cause
     */
    static ApiCallException describe(Throwable thrown, URI uri, Duration timeout, boolean expired) {
        Cause cause = cause(thrown, uri, timeout, expired);
        return new ApiCallException(cause.reason(), thrown, cause.mayPassAgain());
    }

    /** A reason in one line, and whether another attempt may get an answer. */
    private record Cause(String reason, boolean mayPassAgain) {
        static Cause passing(String reason) {
            return new Cause(reason, true);
        }

        static Cause lasting(String reason) {
            return new Cause(reason, false);
        }
    }

    private static Cause cause(Throwable thrown, URI uri, Duration timeout, boolean expired) {
        String where = uri.getHost() + ":" + ApiCall.port(uri);
        String within = Durations.format(timeout);
        if (expired) {
            return Cause.passing("no response within " + within);
        }
        Optional<UnreadableBodyException> body = find(thrown, UnreadableBodyException.class);
        if (body.isPresent()) {
            return Cause.lasting(body.get().getMessage());
        }
        if (find(thrown, ConnectTimeoutException.class).isPresent()) {
            return Cause.passing("no connection to " + where + " within " + within);
        }
        if (find(thrown, SocketTimeoutException.class).isPresent()) {
            return Cause.passing("no response within " + within);
        }
        if (find(thrown, ConnectException.class).isPresent()) {
            return Cause.passing("connection refused by " + where);
        }
        if (find(thrown, UnknownHostException.class).isPresent()) {
            return Cause.lasting("cannot resolve host " + uri.getHost());
        }
        Optional<SSLException> tls = find(thrown, SSLException.class);
        if (tls.isPresent()) {
            return Cause.lasting("TLS failed with " + where + ": " + firstLine(rootCause(tls.get()).getMessage()));
        }
        if (find(thrown, RedirectException.class).isPresent()) {
            return Cause.lasting("too many redirects (a redirect loop?)");
        }
        if (find(thrown, NoHttpResponseException.class).isPresent()) {
            return Cause.passing(where + " closed the connection without a response");
        }
        if (find(thrown, InterruptedIOException.class).isPresent()) {
            // the run is being stopped: trying again would only delay the stop
            return Cause.lasting("the call was interrupted");
        }
        Throwable root = rootCause(thrown);
        String message = root.getMessage();
        String reason = root.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message));
        // a reset, a broken pipe, a body cut short: the connection failed, not the request
        return find(thrown, IOException.class).isPresent() ? Cause.passing(reason) : Cause.lasting(reason);
    }

    private static <T extends Throwable> Optional<T> find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable t = thrown;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
