package dev.gate.checks.api;

import dev.gate.checks.http.UnreadableBodyException;
import dev.gate.checks.time.Durations;
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
        return new ApiCallException(reason(thrown, uri, timeout, expired), thrown);
    }

    private static String reason(Throwable thrown, URI uri, Duration timeout, boolean expired) {
        String where = uri.getHost() + ":" + ApiCall.port(uri);
        String within = Durations.format(timeout);
        if (expired) {
            return "no response within " + within;
        }
        Optional<UnreadableBodyException> body = find(thrown, UnreadableBodyException.class);
        if (body.isPresent()) {
            return body.get().getMessage();
        }
        if (find(thrown, ConnectTimeoutException.class).isPresent()) {
            return "no connection to " + where + " within " + within;
        }
        if (find(thrown, SocketTimeoutException.class).isPresent()) {
            return "no response within " + within;
        }
        if (find(thrown, ConnectException.class).isPresent()) {
            return "connection refused by " + where;
        }
        if (find(thrown, UnknownHostException.class).isPresent()) {
            return "cannot resolve host " + uri.getHost();
        }
        Optional<SSLException> tls = find(thrown, SSLException.class);
        if (tls.isPresent()) {
            return "TLS failed with " + where + ": " + firstLine(rootCause(tls.get()).getMessage());
        }
        if (find(thrown, RedirectException.class).isPresent()) {
            return "too many redirects (a redirect loop?)";
        }
        if (find(thrown, NoHttpResponseException.class).isPresent()) {
            return where + " closed the connection without a response";
        }
        if (find(thrown, InterruptedIOException.class).isPresent()) {
            return "the call was interrupted";
        }
        Throwable root = rootCause(thrown);
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message));
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
