package dev.gate.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.page.RemoteBrowser;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoteBrowserSuiteTest {
    private static final Path FILE = Path.of("suite.yaml");
    private static final String HEAD = "target: http://a.test\npages: [{ id: home, path: / }]\n";
    private static final Map<String, String> ENV = Map.of("GRID_TOKEN", "grid-tok-2718281828");

    private static Suite parse(String yaml) throws SuiteException {
        return new SuiteLoader(ENV).parse(yaml, FILE);
    }

    @Test
    void withoutConnectThePagesRenderInALocalBrowser() throws Exception {
        assertThat(parse(HEAD + "browser: { screenshots: always }\n").browser().connect()).isEmpty();
    }

    @Test
    void aWsUrlIsARemoteBrowserWithAThirtySecondConnectTimeoutUnlessTheSuiteSetsOne() throws Exception {
        assertThat(parse(HEAD + "browser: { connect: \"ws://grid:3000/\" }\n").browser().connect())
                .contains(new RemoteBrowser(URI.create("ws://grid:3000/"), Duration.ofSeconds(30)));
        assertThat(parse(HEAD + "browser: { connect: wss://grid.example.com/playwright, connect_timeout: 5s }\n")
                .browser().connect())
                .contains(new RemoteBrowser(URI.create("wss://grid.example.com/playwright"), Duration.ofSeconds(5)));
    }

    @Test
    void aTokenInTheQueryStringIsASecretAndNeverShown() throws Exception {
        Suite fromEnv = parse(HEAD + "browser: { connect: \"wss://grid.example.com/?token=${env:GRID_TOKEN}\" }\n");
        RemoteBrowser remote = fromEnv.browser().connect().orElseThrow();

        assertThat(remote.endpoint().toString()).isEqualTo("wss://grid.example.com/?token=grid-tok-2718281828");
        assertThat(remote.shown()).isEqualTo("wss://grid.example.com/?…");
        assertThat(remote.hide("connect to wss://grid.example.com/?token=grid-tok-2718281828 failed"))
                .isEqualTo("connect to wss://grid.example.com/?… failed");

        Suite written = parse(HEAD + "browser: { connect: \"ws://grid:3000/?token=literal-tok-1&browser=chromium"
                + "&launch-options=%7B%22headless%22%3Atrue%7D&stealth=true&timeout=30000\" }\n");
        assertThat(written.secrets()).containsExactly("literal-tok-1");
        assertThat(written.redactor().redact("token=literal-tok-1")).isEqualTo("token=•••");
    }

    @Test
    void aUrlThatIsNotWsOrWssIsASuiteProblemWithItsPlaceAndTheQueryLeftOut() {
        assertThat(SuiteLoaderTest.messages(ENV, HEAD + "browser: { connect: \"http://grid:3000/?token=${env:GRID_TOKEN}\" }\n"))
                .containsExactly("suite.yaml:3:21: browser.connect: \"http://grid:3000/?…\" is not a ws:// or wss:// URL; "
                        + "expected the URL of a Playwright server, such as ws://grid:3000/");
        assertThat(SuiteLoaderTest.messages(ENV, HEAD + "browser: { connect: grid:3000 }\n"))
                .containsExactly("suite.yaml:3:21: browser.connect: \"grid:3000\" is not a ws:// or wss:// URL; "
                        + "expected the URL of a Playwright server, such as ws://grid:3000/");
    }

    @Test
    void aConnectTimeoutIsADurationAndNeedsConnect() {
        assertThat(SuiteLoaderTest.messages(ENV, HEAD + "browser: { connect: \"ws://grid:3000/\", connect_timeout: soon }\n"))
                .containsExactly("suite.yaml:3:57: browser.connect_timeout: expected a duration such as 300ms, 10s or 5m, got \"soon\"");
        assertThat(SuiteLoaderTest.messages(ENV, HEAD + "browser: { connect_timeout: 10s }\n"))
                .containsExactly("suite.yaml:3:29: browser.connect_timeout: is the time to reach a remote browser: set browser.connect too");
    }
}
