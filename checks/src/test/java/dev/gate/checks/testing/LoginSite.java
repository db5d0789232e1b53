package dev.gate.checks.testing;

import dev.gate.checks.testing.TestSite.Reply;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real site with a login form, on a {@link TestSite}: {@code GET /login} shows the form,
 * {@code POST /login} checks the user and password and sets a session cookie (then redirects to
 * {@code /account}) or shows the form again with {@code Invalid password} (echoing what was typed,
 * as careless sites do, so that redaction is put to the test); {@code /account} redirects to
 * {@code /login} without the session and greets the user with it; {@code /api/me} answers 401
 * without it. Every page carries the commit in its meta tag.
 */
public final class LoginSite implements AutoCloseable {
    public static final String USER = "ahab";
    public static final String NAME = "Captain Ahab";
    public static final String COOKIE = "shop_session";

    private final TestSite site = TestSite.start();
    private final String password;
    private final String commit;
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger badGateways = new AtomicInteger();

    private LoginSite(String password, String commit) {
        this.password = password;
        this.commit = commit;
        site.route("/", r -> Reply.html(page("Shop", "<h1 id=\"home\">Welcome aboard</h1><a href=\"/login\">Sign in</a>")));
        site.route("/login", this::login);
        site.route("/account", r -> session(r) != null
                ? Reply.html(page("Your account", "<h1 id=\"account\">Hello, " + NAME + "</h1>"))
                : redirect("/login?next=/account"));
        site.route("/api/me", r -> session(r) != null
                ? Reply.json("{\"user\":\"" + USER + "\",\"name\":\"" + NAME + "\"}")
                : Reply.status(401, "{\"error\":\"not signed in\"}").withHeader("Content-Type", "application/json"));
    }

    public static LoginSite start(String password, String commit) {
        return new LoginSite(password, commit);
    }

    public URI url() {
        return site.url();
    }

    public TestSite site() {
        return site;
    }

    /** The next {@code n} posted forms answer 502, as a load balancer draining an old instance does. */
    public void answerBadGateway(int n) {
        badGateways.set(n);
    }

    /** The session tokens this site handed out. */
    public Set<String> sessions() {
        return Set.copyOf(sessions);
    }

    private Reply login(TestSite.Request r) {
        if (!r.method().equals("POST")) {
            return Reply.html(form(""));
        }
        if (badGateways.getAndDecrement() > 0) {
            return Reply.status(502, page("502 Bad Gateway", "<h1>502 Bad Gateway</h1>")).withHeader("Content-Type", "text/html");
        }
        Map<String, String> form = fields(r.body());
        String typed = form.getOrDefault("password", "");
        if (USER.equals(form.get("user")) && password.equals(typed)) {
            String token = "tok-" + logins.incrementAndGet() + "-5e7a112c9d";
            sessions.add(token);
            return redirect("/account").withHeader("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly");
        }
        return Reply.html(form("<p role=\"alert\" class=\"error\">Invalid password (you typed " + typed + ")</p>"));
    }

    private String form(String error) {
        return page("Sign in", error + """
                <form method="post" action="/login">
                  <input id="user" name="user"> <input id="password" name="password" type="password">
                  <button type="submit">Sign in</button>
                </form>""");
    }

    private String session(TestSite.Request r) {
        String cookies = r.header("Cookie");
        if (cookies == null) {
            return null;
        }
        for (String pair : cookies.split(";")) {
            String[] kv = pair.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals(COOKIE) && sessions.contains(kv[1])) {
                return kv[1];
            }
        }
        return null;
    }

    private static Reply redirect(String to) {
        return new Reply(303, Map.of("Location", to), "", java.time.Duration.ZERO);
    }

    private static Map<String, String> fields(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : List.of(body.split("&"))) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) {
                out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private String page(String title, String main) {
        return "<!doctype html><html><head><title>" + title + "</title><meta name=\"commit\" content=\"" + commit
                + "\"></head><body><main id=\"main\">" + main + "</main></body></html>";
    }

    @Override
    public void close() {
        site.close();
    }
}
