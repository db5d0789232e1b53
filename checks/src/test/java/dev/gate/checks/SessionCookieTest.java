package dev.gate.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of the session's cookies an API call with {@code auth: session} sends: those a browser would. */
class SessionCookieTest {
    private static URI u(String s) {
        return URI.create(s);
    }

    @Test
    void aHostOnlyCookieGoesToItsHostAlone() {
        SessionCookie c = new SessionCookie("sid", "v1", "shop.example.com", "/", false);

        assertThat(c.sentTo(u("https://shop.example.com/api/me"))).isTrue();
        assertThat(c.sentTo(u("https://api.shop.example.com/me"))).isFalse();
        assertThat(c.sentTo(u("https://evilshop.example.com/"))).isFalse();
    }

    @Test
    void aDomainCookieGoesToItsSubdomainsToo() {
        SessionCookie c = new SessionCookie("sid", "v1", ".example.com", "/", false);

        assertThat(c.sentTo(u("https://api.example.com/me"))).isTrue();
        assertThat(c.sentTo(u("https://example.com/me"))).isTrue();
        assertThat(c.sentTo(u("https://badexample.com/me"))).isFalse();
    }

    @Test
    void aPathAndSecureLimitWhereItGoes() {
        SessionCookie c = new SessionCookie("sid", "v1", "shop.example.com", "/api", true);

        assertThat(c.sentTo(u("https://shop.example.com/api"))).isTrue();
        assertThat(c.sentTo(u("https://shop.example.com/api/me"))).isTrue();
        assertThat(c.sentTo(u("https://shop.example.com/apix"))).isFalse();
        assertThat(c.sentTo(u("http://shop.example.com/api/me"))).as("Secure: https only").isFalse();
    }

    @Test
    void theCookieHeaderHoldsWhatGoesThereAndEveryValueIsASecret() {
        LoginOutcome.LoggedIn session = new LoginOutcome.LoggedIn("{}", List.of(
                new SessionCookie("sid", "abc123", "shop.example.com", "/", false),
                new SessionCookie("csrf", "xyz789", "shop.example.com", "/", false),
                new SessionCookie("other", "nope42", "elsewhere.example.com", "/", false)), "logged in");

        assertThat(session.cookieHeader(u("http://shop.example.com/api/me"))).isEqualTo("sid=abc123; csrf=xyz789");
        assertThat(session.secrets()).containsExactlyInAnyOrder("abc123", "xyz789", "nope42");
    }
}
