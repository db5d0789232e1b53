package dev.gate.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.page.LoginSpec;
import dev.gate.checks.page.LoginStep;
import dev.gate.checks.page.UrlPattern;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code login:}, {@code auth: true} and {@code auth: session} as the suite loader reads them. */
class LoginReaderTest {
    private static final Map<String, String> ENV = Map.of("SHOP_PASSWORD", "pw-27182818");
    private static final String TOP = "target: https://shop.example.com\n";
    private static final String LOGIN = """
            login:
              - goto: /login
              - fill: { selector: "#user", value: ahab }
              - fill: { selector: "#password", value: "${env:SHOP_PASSWORD}" }
              - click: "button[type=submit]"
              - wait_for: { url: /account }
              - wait_for: { selector: "#account" }
            """;
    private static final String PAGES = """
            pages:
              - { id: home, path: / }
              - { id: account, path: /account, auth: true }
            apis:
              - { id: me, request: { path: /api/me }, auth: session }
            """;

    private static Suite parse(String yaml) throws SuiteException {
        return new SuiteLoader(ENV).parse(yaml, Path.of("suite.yaml"));
    }

    private static List<String> messages(String yaml) {
        return SuiteLoaderTest.messages(ENV, yaml);
    }

    @Test
    void everyStepIsReadInOrderAndThePasswordIsASecret() throws Exception {
        Suite suite = parse(TOP + LOGIN + PAGES);

        assertThat(suite.login()).contains(new LoginSpec(List.of(
                new LoginStep.Goto("/login"),
                new LoginStep.Fill("#user", "ahab"),
                new LoginStep.Fill("#password", "pw-27182818"),
                new LoginStep.Click("button[type=submit]"),
                new LoginStep.WaitForUrl(new UrlPattern("/account")),
                new LoginStep.WaitForSelector("#account"))));
        assertThat(suite.secrets()).containsExactly("pw-27182818");
        assertThat(suite.page("home").orElseThrow().auth()).isFalse();
        assertThat(suite.page("account").orElseThrow().auth()).isTrue();
        assertThat(suite.api("me").orElseThrow().session()).isTrue();
        assertThat(suite.needsSession()).isTrue();
    }

    @Test
    void aFillStepNeverShowsItsValue() throws Exception {
        LoginStep fill = parse(TOP + LOGIN + PAGES).login().orElseThrow().steps().get(2);

        assertThat(fill.describe()).isEqualTo("fill { selector: #password }");
        assertThat(fill.toString()).doesNotContain("pw-27182818");
    }

    @Test
    void anUnknownStepNamesItsPlaceTheClosestStepAndTheKnownOnes() {
        assertThat(messages(TOP + "login:\n  - goto: /login\n  - clik: \"#go\"\n" + PAGES))
                .containsExactly("suite.yaml:4:5: login[1]: unknown login step \"clik\"; did you mean \"click\"?; "
                        + "the steps are goto, fill, click and wait_for");
    }

    @Test
    void aStepNamesExactlyOneAction() {
        assertThat(messages(TOP + "login:\n  - { goto: /login, click: \"#go\" }\n" + PAGES))
                .containsExactly("suite.yaml:3:5: login[0]: a step names one action, got goto, click; "
                        + "the steps are goto, fill, click and wait_for");
        assertThat(messages(TOP + "login:\n  - goto /login\n" + PAGES))
                .containsExactly("suite.yaml:3:5: login[0]: expected one step such as goto: /login; "
                        + "the steps are goto, fill, click and wait_for");
    }

    @Test
    void aFillNeedsASelectorAndAValueAndNothingElse() {
        assertThat(messages(TOP + "login:\n  - fill: { selector: \"#password\", valeu: x }\n" + PAGES))
                .containsExactly(
                        "suite.yaml:3:11: login[0].fill: missing \"value\": what to type, such as \"${env:SHOP_PASSWORD}\"",
                        "suite.yaml:3:36: unknown key \"valeu\" in login[0].fill; did you mean \"value\"?");
        assertThat(messages(TOP + "login:\n  - fill: \"#password\"\n" + PAGES))
                .containsExactly("suite.yaml:3:11: login[0].fill: expected { selector: \"#password\", value: \"${env:SHOP_PASSWORD}\" }");
    }

    @Test
    void aWaitForWaitsForAUrlOrASelectorNotBoth() {
        assertThat(messages(TOP + "login:\n  - wait_for: { url: /account, selector: \"#a\" }\n" + PAGES))
                .containsExactly("suite.yaml:3:15: login[0].wait_for: name what to wait for, one of: url (such as /account) "
                        + "or selector (such as \"#account\")");
        assertThat(messages(TOP + "login:\n  - wait_for: { url: account }\n" + PAGES))
                .containsExactly("suite.yaml:3:22: login[0].wait_for.url: \"account\" must start with / (a path on the target) "
                        + "or be an http(s) URL");
    }

    @Test
    void aMissingPasswordVariableIsNamedAtItsPlace() {
        assertThat(SuiteLoaderTest.messages(Map.of(), TOP + LOGIN + PAGES))
                .containsExactly("suite.yaml:5:43: login[2].fill.value: environment variable SHOP_PASSWORD is not set");
    }

    @Test
    void theLoginIsAListOfSteps() {
        assertThat(messages(TOP + "login: { goto: /login }\n" + PAGES))
                .containsExactly("suite.yaml:2:8: login: expected a list of steps such as - goto: /login; "
                        + "the steps are goto, fill, click and wait_for");
        assertThat(messages(TOP + "login: []\n" + PAGES))
                .containsExactly("suite.yaml:2:8: login: the login has no steps; the steps are goto, fill, click and wait_for");
    }

    @Test
    void authNeedsALoginAndSaysWhatToAdd() {
        assertThat(messages(TOP + PAGES)).containsExactly(
                "suite.yaml:4:42: pages[1].auth: auth: true renders the page with the session of the suite's login, "
                        + "and the suite has none: add a \"login:\" with the steps that sign in",
                "suite.yaml:6:49: apis[0].auth: auth: session sends the cookies of the suite's login, "
                        + "and the suite has none: add a \"login:\" with the steps that sign in");
    }

    @Test
    void anApiAuthIsTheWordSession() {
        assertThat(messages(TOP + LOGIN + "pages: [{ id: home, path: / }]\napis:\n"
                + "  - { id: me, request: { path: /api/me }, auth: sesion }\n"))
                .containsExactly("suite.yaml:11:49: apis[0].auth: expected one of session, got \"sesion\"; did you mean \"session\"?");
    }

    @Test
    void latencyDoesNotSampleWhatNeedsTheSessionSinceItWouldTimeTheLoginRedirect() {
        assertThat(messages(TOP + LOGIN + PAGES + "latency: { endpoints: [home, me, account] }\n")).containsExactly(
                "suite.yaml:14:30: latency.endpoints[1]: latency cannot sample auth: session APIs or auth: true pages yet: \"me\" "
                        + "needs the login's session, which latency samples are sent without; sample an endpoint that needs no login",
                "suite.yaml:14:34: latency.endpoints[2]: latency cannot sample auth: session APIs or auth: true pages yet: \"account\" "
                        + "needs the login's session, which latency samples are sent without; sample an endpoint that needs no login");
    }

    @Test
    void loginIsAnIdOfTheGatesOwn() {
        assertThat(messages(TOP + "pages: [{ id: login, path: /login }]\n"))
                .containsExactly("suite.yaml:2:15: pages[0].id: id \"login\" is reserved for the gate's own checks; choose another");
    }

    @Test
    void aUrlPatternMatchesTheWholeUrlWithoutItsQueryUnlessItHasOne() {
        URI target = URI.create("https://shop.example.com");

        assertThat(new UrlPattern("/account").matches(target, "https://shop.example.com/account")).isTrue();
        assertThat(new UrlPattern("/account").matches(target, "https://shop.example.com/account?welcome=1#top")).isTrue();
        assertThat(new UrlPattern("/account").matches(target, "https://shop.example.com/login?next=/account")).isFalse();
        assertThat(new UrlPattern("/account").matches(target, "https://shop.example.com/accounts")).isFalse();
        assertThat(new UrlPattern("/login?error=*").matches(target, "https://shop.example.com/login?error=1")).isTrue();
        assertThat(new UrlPattern("/u/*/home").matches(target, "https://shop.example.com/u/42/home")).isTrue();
        assertThat(new UrlPattern("/u/*/home").matches(target, "https://shop.example.com/u/4/2/home")).isFalse();
        assertThat(new UrlPattern("/u/**").matches(target, "https://shop.example.com/u/4/2/home")).isTrue();
        assertThat(new UrlPattern("https://id.example.com/done").matches(target, "https://id.example.com/done")).isTrue();
    }
}
