package dev.gate.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotifySuiteTest {
    private static final Path FILE = Path.of("suite.yaml");
    private static final String SLACK = "https://hooks.slack.com/services/T000/B000/XXXXsecretXXXX";
    private static final Map<String, String> ENV = Map.of("SLACK_WEBHOOK_URL", SLACK, "GRAFANA_TOKEN", "glsa_token123");
    private static final String HEAD = "target: http://a.test\npages: [{ id: home, path: / }]\n";

    private static Suite parse(String yaml) throws SuiteException {
        return new SuiteLoader(ENV).parse(yaml, FILE);
    }

    /** The problems of a suite that must not load, as the command line prints them. */
    private static List<String> messages(String yaml) {
        Throwable thrown = catchThrowable(() -> parse(yaml));
        assertThat(thrown).as("the suite's problems").isInstanceOf(SuiteException.class);
        return ((SuiteException) thrown).problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void eachKindReadsWithItsEventsAndHeaders() throws Exception {
        Suite suite = parse(HEAD + "notify:\n"
                + "  - slack: \"${env:SLACK_WEBHOOK_URL}\"\n"
                + "    on: [live, block, rollback-failed]\n"
                + "  - webhook: https://hooks.example.com/deploys?key=k123\n"
                + "    on: [live, pass, warn, block, rollback-failed]\n"
                + "  - annotate: https://grafana.example.com/api/annotations\n"
                + "    headers: { Authorization: \"Bearer ${env:GRAFANA_TOKEN}\" }\n");

        assertThat(suite.notifications()).containsExactly(
                new NotifyTarget(NotifyTarget.Kind.SLACK, URI.create(SLACK),
                        Set.of(NotifyEvent.LIVE, NotifyEvent.BLOCK, NotifyEvent.ROLLBACK_FAILED), Map.of()),
                new NotifyTarget(NotifyTarget.Kind.WEBHOOK, URI.create("https://hooks.example.com/deploys?key=k123"),
                        Set.of(NotifyEvent.values()), Map.of()),
                new NotifyTarget(NotifyTarget.Kind.ANNOTATE, URI.create("https://grafana.example.com/api/annotations"),
                        Set.of(NotifyEvent.LIVE), Map.of("Authorization", "Bearer glsa_token123")));
    }

    @Test
    void withoutOnChatHearsOfBlocksAndFailedRollbacksAndDashboardsOfTheRelease() throws Exception {
        Suite suite = parse(HEAD + "notify:\n  - slack: https://hooks.slack.com/services/T1/B1/abc\n"
                + "  - webhook: https://hooks.example.com/d\n  - annotate: https://grafana.example.com/api/annotations\n");

        assertThat(suite.notifications()).extracting(NotifyTarget::on).containsExactly(
                Set.of(NotifyEvent.BLOCK, NotifyEvent.ROLLBACK_FAILED), Set.of(NotifyEvent.BLOCK, NotifyEvent.ROLLBACK_FAILED),
                Set.of(NotifyEvent.LIVE));
    }

    @Test
    void aLiteralWebhookUrlIsASecretLikeOneFromTheEnvironment() throws Exception {
        String literal = "https://hooks.slack.com/services/T1/B1/literalToken42";
        Suite suite = parse(HEAD + "notify:\n  - slack: " + literal + "\n"
                + "  - webhook: https://hooks.example.com/d\n    headers: { X-Token: plain-header-value }\n");

        assertThat(suite.redactor().redact("posting to " + literal)).isEqualTo("posting to •••");
        assertThat(suite.redactor().redact("sent X-Token plain-header-value")).isEqualTo("sent X-Token •••");
        assertThat(suite.notifications().get(0).display()).isEqualTo("slack https://hooks.slack.com/•••");
    }

    @Test
    void anUnknownEventIsNamedWithItsPlaceAndTheKnownOnes() {
        assertThat(messages(HEAD + "notify:\n  - slack: https://hooks.slack.com/x\n    on: [live, blocked]\n"))
                .containsExactly("suite.yaml:5:16: notify[0].on[1]: expected one of live, pass, warn, block, rollback-failed, "
                        + "got \"blocked\"; did you mean \"block\"?");
    }

    @Test
    void anEntryNamesExactlyOneKind() {
        assertThat(messages(HEAD + "notify:\n  - { slack: \"https://a.test/x\", webhook: \"https://b.test/y\" }\n"
                + "  - { on: [block] }\n"))
                .containsExactly(
                        "suite.yaml:4:5: notify[0]: name one kind of notification, not 2: slack, webhook or annotate, each with its URL",
                        "suite.yaml:5:5: notify[1]: name one kind of notification, not 0: slack, webhook or annotate, each with its URL");
    }

    @Test
    void badUrlsUnknownKeysAndEmptyEventListsAreProblems() {
        assertThat(messages(HEAD + "notify:\n  - slack: hooks.slack.com/services/x\n  - webhook: ftp://b.test/y\n"
                + "  - annotate: https://g.test/api/annotations\n    tags: [deploy]\n"
                + "  - webhook: https://c.test/z\n    on: []\n"
                + "  - https://d.test/w\n"))
                .containsExactly(
                        "suite.yaml:4:12: notify[0].slack: expected an http:// or https:// URL",
                        "suite.yaml:5:14: notify[1].webhook: expected an http:// or https:// URL",
                        "suite.yaml:7:5: unknown key \"tags\" in notify[2]",
                        "suite.yaml:9:9: notify[3].on: lists no event: name at least one of live, pass, warn, block, "
                                + "rollback-failed, or leave \"on\" out",
                        "suite.yaml:10:5: notify[4]: expected a mapping (key: value), got \"https://d.test/w\"");
    }

    @Test
    void theReadmesExampleLoads() throws Exception {
        List<String> readme = java.nio.file.Files.readAllLines(Path.of("../README.md"));
        int section = readme.indexOf("## Telling the team");
        int start = readme.subList(section, readme.size()).indexOf("```yaml") + section + 1;
        int end = readme.subList(start, readme.size()).indexOf("```") + start;

        Suite suite = parse(HEAD + String.join("\n", readme.subList(start, end)) + "\n");

        assertThat(suite.notifications()).extracting(NotifyTarget::kind)
                .containsExactly(NotifyTarget.Kind.SLACK, NotifyTarget.Kind.WEBHOOK, NotifyTarget.Kind.ANNOTATE);
        assertThat(suite.notifications().get(2).headers()).containsEntry("Authorization", "Bearer glsa_token123");
    }
}
