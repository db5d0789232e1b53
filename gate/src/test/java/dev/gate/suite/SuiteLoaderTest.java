package dev.gate.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gate.checks.latency.LatencySpec;
import dev.gate.checks.latency.WarmUp;
import dev.gate.checks.Severity;
import dev.gate.checks.api.ApiSpec;
import dev.gate.checks.commit.CommitMarker;
import dev.gate.checks.http.TlsPolicy;
import dev.gate.checks.page.PageSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class SuiteLoaderTest {
    private static final Path FILE = Path.of("suite.yaml");
    private static final Map<String, String> ENV = Map.of("SHOP_TOKEN", "tok-3141592653");

    private static Suite parse(String yaml) throws SuiteException {
        return new SuiteLoader(ENV).parse(yaml, FILE);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> problems(String yaml) {
        return assertThatThrownBy(() -> parse(yaml)).isInstanceOf(SuiteException.class);
    }

    private static List<String> messages(String yaml) {
        return messages(ENV, yaml);
    }

    /** Every problem of a suite read with {@code env}, as the command line prints them; the suite must have one. */
    static List<String> messages(Map<String, String> env, String yaml) {
        try {
            new SuiteLoader(env).parse(yaml, FILE);
            throw new AssertionError("the suite was accepted");
        } catch (SuiteException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
    }

    @Test
    void theMinimalSuiteIsATargetAndOnePage() throws Exception {
        Suite suite = parse("target: https://shop.example.com/\npages:\n  - { id: home, path: / }\n");

        assertThat(suite.target()).isEqualTo(URI.create("https://shop.example.com"));
        assertThat(suite.name()).isEqualTo("suite");
        assertThat(suite.pages()).containsExactly(PageSpec.simple("home", "/"));
        assertThat(suite.marker()).isEqualTo(new CommitMarker.Meta("commit"));
        assertThat(suite.timeouts()).isEqualTo(Timeouts.DEFAULT);
        assertThat(suite.policy().errorsBlock()).isTrue();
        assertThat(suite.oldAssets()).isEqualTo(OldAssetsSpec.DEFAULT);
        assertThat(suite.pagesParallel()).isEqualTo(4);
        assertThat(suite.tls()).isEqualTo(TlsPolicy.VERIFY);
    }

    @Test
    void theDesignExampleLoadsWithEveryKey() throws Exception {
        Path file = Path.of("src/test/resources/suites/design-example.yaml");
        Suite suite = new SuiteLoader(ENV).load(file);

        assertThat(suite.name()).isEqualTo("shop");
        assertThat(suite.converge().consecutive()).isEqualTo(5);
        assertThat(suite.converge().timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(suite.converge().interval()).isEqualTo(Duration.ofSeconds(5));
        PageSpec home = suite.pages().get(0);
        assertThat(home.selectors()).containsExactly("#main", "nav a[href='/cart']");
        assertThat(home.texts()).containsExactly("Free shipping");
        assertThat(home.thirdPartyFailures()).isEqualTo(Severity.WARN);
        ApiSpec health = suite.apis().get(0);
        assertThat(health.headers()).containsEntry("Authorization", "Bearer tok-3141592653");
        assertThat(health.expect().statuses().accepts(200)).isTrue();
        assertThat(health.expect().statuses().accepts(201)).isFalse();
        assertThat(health.expect().json()).containsEntry("status", Optional.of("ok")).containsEntry("items.size()", Optional.of(3L));
        assertThat(health.expect().maxTime()).contains(Duration.ofMillis(500));
        assertThat(suite.latency().endpoints()).containsExactly("home", "health");
        assertThat(suite.latency().minEffect()).isEqualTo(0.10);
        assertThat(suite.latency().confidence()).isEqualTo(0.99);
        assertThat(suite.latency().budgets()).containsEntry("health", Map.of("p95", Duration.ofMillis(300)));
        assertThat(suite.onFailure().rollback()).containsExactly("./deploy/rollback.sh", "--to", "previous");
        assertThat(suite.onFailure().postmortems()).contains(file.toAbsolutePath().getParent().resolve("postmortems/"));
        assertThat(suite.secrets()).containsExactly("tok-3141592653");
    }

    @Test
    void everyMarkerSourceIsAccepted() throws Exception {
        String pages = "\npages: [{ id: home, path: / }]\n";
        assertThat(parse("target: http://a.test\ncommit: { marker: { selector: \"footer [data-commit]\", attribute: data-commit } }" + pages).marker())
                .isEqualTo(new CommitMarker.Selector("footer [data-commit]", "data-commit"));
        assertThat(parse("target: http://a.test\ncommit: { marker: { regex: \"build ([0-9a-f]{7,40})\" } }" + pages).marker())
                .isInstanceOf(CommitMarker.Regex.class);
        assertThat(parse("target: http://a.test\ncommit: { marker: { header: X-Commit } }" + pages).marker())
                .isEqualTo(new CommitMarker.Header("X-Commit"));
        Suite json = parse("target: http://a.test\ncommit: { marker: { json: /version, field: commit } }" + pages);
        assertThat(json.marker()).isEqualTo(new CommitMarker.JsonField("/version", "commit"));
        assertThat(json.markerLocations()).containsExactly("/version");
    }

    @Test
    void anUnknownKeyNamesItsPlaceAndTheClosestKnownKey() {
        assertThat(messages("target: http://a.test\npage:\n  - { id: home, path: / }\npages: [{ id: x, path: / }]\n"))
                .containsExactly("suite.yaml:2:1: unknown key \"page\"; did you mean \"pages\"?");
        assertThat(messages("target: http://a.test\npages:\n  - id: home\n    path: /\n    expcet: { status: 200 }\n"))
                .containsExactly("suite.yaml:5:5: unknown key \"expcet\" in pages[0]; did you mean \"expect\"?");
        assertThat(messages("target: http://a.test\npages: [{ id: a, path: / }]\nbananas: 3\n"))
                .containsExactly("suite.yaml:3:1: unknown key \"bananas\"");
    }

    @Test
    void malformedYamlIsReportedWithLineAndColumn() {
        assertThat(messages("target: http://a.test\npages:\n  - id: home\n   path: /\n"))
                .singleElement().asString()
                .startsWith("suite.yaml:4:4: invalid YAML: expected <block end>, but found");
    }

    @Test
    void aMissingTargetIsNamed() {
        assertThat(messages("pages: [{ id: home, path: / }]\n"))
                .containsExactly("suite.yaml:1:1: missing \"target\": the URL of the site to check, such as https://shop.example.com");
    }

    @Test
    void aBadTargetIsNamed() {
        assertThat(messages("target: ftp://files.example.com\npages: [{ id: home, path: / }]\n"))
                .containsExactly("suite.yaml:1:9: target: \"ftp://files.example.com\" is not an http:// or https:// URL");
        assertThat(messages("target: shop.example.com\npages: [{ id: home, path: / }]\n"))
                .containsExactly("suite.yaml:1:9: target: \"shop.example.com\" is not an http:// or https:// URL");
    }

    @Test
    void latencyKeysHaveDefaultsThatMeasureDriftAndTheirOwnValidation() throws Exception {
        LatencySpec defaults = parse("target: http://a.test\npages: [{ id: a, path: / }]\nlatency: { endpoints: [a] }\n")
                .latency();
        assertThat(defaults.samples()).isEqualTo(40);
        assertThat(defaults.maxSamples()).isEqualTo(200);
        assertThat(defaults.roundSize()).isEqualTo(10);
        assertThat(defaults.confirmSamples()).isEqualTo(30);
        assertThat(defaults.warmup()).isEqualTo(new WarmUp(20, 50));
        assertThat(defaults.minDeltaMs()).isEqualTo(2.0);
        assertThat(defaults.inconclusive()).isEqualTo(LatencySpec.Inconclusive.PASS);

        LatencySpec set = parse("target: http://a.test\npages: [{ id: a, path: / }]\nlatency: { endpoints: [a], "
                + "samples: 300, warmup: 3, min_delta: 0.5ms, inconclusive: warn, confirm: 0, round: 5 }\n").latency();
        assertThat(set.maxSamples()).isEqualTo(300);
        assertThat(set.warmup()).isEqualTo(WarmUp.fixed(3));
        assertThat(set.minDeltaMs()).isEqualTo(0.5);
        assertThat(set.inconclusive()).isEqualTo(LatencySpec.Inconclusive.WARN);
        assertThat(set.confirmSamples()).isZero();
        assertThat(set.roundSize()).isEqualTo(5);

        assertThat(messages("target: http://a.test\npages: [{ id: a, path: / }]\n"
                + "latency: { endpoints: [a], inconclusive: shrug, warmup: { min: 9, max: 4 } }\n"))
                .containsExactlyInAnyOrder(
                        "suite.yaml:3:42: latency.inconclusive: expected one of pass, warn, block, got \"shrug\"",
                        "suite.yaml:3:57: latency.warmup: max (4) must be at least min (9)");
        assertThat(parse("target: http://a.test\npages: [{ id: a, path: / }]\nlatency: { endpoints: [a], warmup: { max: 10 } }\n")
                .latency().warmup()).isEqualTo(new WarmUp(10, 10));
        assertThat(messages("target: http://a.test\npages: [{ id: a, path: / }]\n"
                + "latency: { endpoints: [a], confirm: 1, min_delta: soon }\n"))
                .containsExactlyInAnyOrder("suite.yaml:3:37: latency.confirm: must be 0 (no confirmation) or at least 2, got 1",
                        "suite.yaml:3:51: latency.min_delta: expected milliseconds such as 2ms or 0.5ms, got \"soon\"");
    }

    @Test
    void wrongTypesAreNamed() {
        assertThat(messages("target: http://a.test\npages: { id: home }\n"))
                .contains("suite.yaml:2:8: pages: expected a list, got a mapping");
        assertThat(messages("target: http://a.test\npages: [{ id: a, path: / }]\nlatency: { endpoints: [a], samples: many }\n"))
                .containsExactly("suite.yaml:3:37: latency.samples: expected a whole number, got \"many\"");
        assertThat(messages("target: http://a.test\npages: [{ id: a, path: /, console_errors: shout }]\n"))
                .containsExactly("suite.yaml:2:43: pages[0].console_errors: expected one of block, warn, ignore, got \"shout\"");
        assertThat(messages("target: http://a.test\ntimeouts: { request: ten }\npages: [{ id: a, path: / }]\n"))
                .containsExactly("suite.yaml:2:22: timeouts.request: expected a duration such as 300ms, 10s or 5m, got \"ten\"");
    }

    @Test
    void zeroAndNegativeDurationsAreRefused() {
        assertThat(messages("target: http://a.test\ntimeouts: { request: 0s, page: -5s }\npages: [{ id: a, path: / }]\n"))
                .containsExactly(
                        "suite.yaml:2:22: timeouts.request: must be more than 0, got 0s",
                        "suite.yaml:2:32: timeouts.page: must be more than 0, got -5s");
    }

    @Test
    void duplicateIdsAreRefusedAcrossPagesAndApis() {
        assertThat(messages("target: http://a.test\npages:\n  - { id: home, path: / }\n  - { id: home, path: /x }\n"
                + "apis:\n  - { id: home, request: { path: /api } }\n"))
                .containsExactly(
                        "suite.yaml:4:11: pages[1].id: duplicate id \"home\" (first at line 3)",
                        "suite.yaml:6:11: apis[0].id: duplicate id \"home\" (first at line 3)");
    }

    @Test
    void aLatencyEndpointMustNameAPageOrApi() {
        assertThat(messages("target: http://a.test\npages: [{ id: home, path: / }]\napis: [{ id: health, request: { path: /h } }]\n"
                + "latency: { endpoints: [home, helth] }\n"))
                .containsExactly("suite.yaml:4:30: latency.endpoints[1]: \"helth\" names no page or API of this suite; did you mean \"health\"?");
    }

    @Test
    void aProblemQuotingAValueFromTheEnvironmentMasksIt() {
        assertThat(messages("target: http://a.test\npages: [{ id: a, path: \"/p?key=${env:SHOP_TOKEN} x\" }]\n"))
                .containsExactly("suite.yaml:2:24: pages[0].path: \"/p?key=••• x\" contains a space or control character; encode it as %20");
    }

    @Test
    void aMissingEnvironmentVariableIsNamed() {
        assertThat(messages("target: http://a.test\npages: [{ id: a, path: / }]\n"
                + "apis: [{ id: b, request: { path: /x, headers: { X-Api-Key: \"${env:NO_SUCH_KEY}\" } } }]\n"))
                .containsExactly("suite.yaml:3:60: apis[0].request.headers.X-Api-Key: environment variable NO_SUCH_KEY is not set");
    }

    @Test
    void aSuiteWithoutOnFailurePostmortemsNamesNoFolderForStubs() throws Exception {
        assertThat(parse("target: http://a.test\npages: [{ id: a, path: / }]\n").onFailure().postmortems()).isEmpty();
        assertThat(parse("target: http://a.test\npages: [{ id: a, path: / }]\non_failure: { rollback_timeout: 1m }\n")
                .onFailure().postmortems()).isEmpty();
    }

    @Test
    void aVariableWithoutItsClosingBraceIsAProblemNotText() {
        assertThat(messages("target: http://a.test\npages: [{ id: a, path: / }]\n"
                + "apis: [{ id: b, request: { path: /x, headers: { X-Api-Key: \"${env:SHOP_TOKEN}-${env:SHOP_TOKEN and more\" } } }]\n"
                + "secrets: [\"${env:\"]\n"))
                .containsExactly("suite.yaml:3:60: apis[0].request.headers.X-Api-Key: \"${env:SHOP_TOKEN\" has no closing \"}\"",
                        "suite.yaml:4:11: secrets[0]: \"${env:\" has no closing \"}\"");
    }

    @Test
    void valuesFromTheEnvironmentAndListedSecretsAreSecrets() throws Exception {
        Suite suite = parse("target: http://a.test\npages: [{ id: a, path: \"/?t=${env:SHOP_TOKEN}\" }]\nsecrets: [hunter2-literal]\n");

        assertThat(suite.secrets()).containsExactlyInAnyOrder("tok-3141592653", "hunter2-literal");
        assertThat(suite.pages().get(0).path()).isEqualTo("/?t=tok-3141592653");
    }

    @Test
    void idsThatCouldLeaveTheRunFolderAreRefused() {
        assertThat(messages("target: http://a.test\npages: [{ id: ../../etc, path: / }]\n"))
                .containsExactly("suite.yaml:2:15: pages[0].id: id \"../../etc\" may hold only letters, digits, '-' and '_' "
                        + "(at most 64, starting with a letter or digit)");
        assertThat(messages("target: http://a.test\npages: [{ id: commit, path: / }]\n"))
                .containsExactly("suite.yaml:2:15: pages[0].id: id \"commit\" is reserved for the gate's own checks; choose another");
    }

    @Test
    void aRollbackCommandIsAnArgumentVectorNotAShellLine() {
        assertThat(messages("target: http://a.test\npages: [{ id: a, path: / }]\non_failure: { rollback: \"./rollback.sh --to previous\" }\n"))
                .containsExactly("suite.yaml:3:25: on_failure.rollback: expected an argument vector such as "
                        + "[\"./deploy/rollback.sh\", \"--to\", \"previous\"]; gate runs no shell, so write [\"sh\", \"-c\", \"...\"] if you need one");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(messages("target: nope\npage: []\ntimeouts: { run: 0m }\n"))
                .hasSize(4)
                .anySatisfy(m -> assertThat(m).contains("target: \"nope\""))
                .anySatisfy(m -> assertThat(m).contains("unknown key \"page\"; did you mean \"pages\"?"))
                .anySatisfy(m -> assertThat(m).contains("timeouts.run: must be more than 0, got 0m"))
                .anySatisfy(m -> assertThat(m).contains("the suite checks nothing"));
    }

    @Test
    void anApiBodyCapIsASizeUpTo1GB() throws Exception {
        String api = "target: http://a.test\npages: [{ id: p, path: / }]\napis: [{ id: a, request: { path: / }, max_body: %s }]\n";
        assertThat(parse(api.formatted("32MB")).apis().get(0).maxBody()).isEqualTo(32L * 1024 * 1024);
        assertThat(parse(api.formatted("512 kb")).apis().get(0).maxBody()).isEqualTo(512L * 1024);
        assertThat(parse(api.replace(", max_body: %s", "")).apis().get(0).maxBody())
                .isEqualTo(8L * 1024 * 1024);
        assertThat(messages(api.formatted("lots")))
                .containsExactly("suite.yaml:3:49: apis[0].max_body: expected a size such as 512KB, 8MB or 1GB, got \"lots\"");
        assertThat(messages(api.formatted("0MB")))
                .containsExactly("suite.yaml:3:49: apis[0].max_body: must be more than 0 and at most 1GB, got 0MB");
        assertThat(messages(api.formatted("2GB")))
                .containsExactly("suite.yaml:3:49: apis[0].max_body: must be more than 0 and at most 1GB, got 2GB");
    }

    @Test
    void apiStatusesAcceptNumbersListsAndClasses() throws Exception {
        Suite suite = parse("target: http://a.test\npages: [{ id: a, path: / }]\napis:\n"
                + "  - { id: one, request: { path: /1 }, expect: { status: [200, 204] } }\n"
                + "  - { id: two, request: { method: post, path: /2, body: { name: x, n: 2 } }, expect: { status: 2xx } }\n");

        ApiSpec one = suite.apis().get(0);
        assertThat(one.expect().statuses().codes()).containsExactlyInAnyOrder(200, 204);
        ApiSpec two = suite.apis().get(1);
        assertThat(two.method()).isEqualTo("POST");
        assertThat(two.body()).contains("{\"name\":\"x\",\"n\":2}");
        assertThat(two.contentType()).contains("application/json");
        assertThat(two.expect().statuses().accepts(299)).isTrue();
    }

    @Test
    void duplicateKeysAreReportedWithBothLines() {
        assertThat(messages("target: http://a.test\npages: [{ id: a, path: / }]\ntarget: http://b.test\n"))
                .containsExactly("suite.yaml:3:1: duplicate key \"target\" (first at line 1)");
    }

    @Test
    void anEmptyFileSaysWhatASuiteNeeds() {
        problems("").hasMessage("suite.yaml:1:1: the suite is empty: it needs at least \"target\" and one page");
    }

    @Test
    void pagesAndApisAreTriedAgainOnceUnlessTheSuiteOrTheCheckSaysOtherwise() throws Exception {
        Suite defaults = parse("target: http://a.test\npages: [{ id: home, path: / }]\n"
                + "apis: [{ id: health, request: { path: /h } }]\n");
        Suite set = parse("target: http://a.test\nretries: 3\n"
                + "pages: [{ id: home, path: / }, { id: cart, path: /cart, retries: 0 }]\n"
                + "apis: [{ id: health, request: { path: /h }, retries: 5 }]\n");

        assertThat(defaults.retries()).isEqualTo(Map.of("home", 1, "health", 1));
        assertThat(set.retries()).isEqualTo(Map.of("home", 3, "cart", 0, "health", 5));
        assertThat(set.retries("commit")).isZero();
    }

    @Test
    void aRetryCountThatIsNotAWholeNumberFromZeroToFiveIsNamedWithItsPlace() {
        assertThat(messages("target: http://a.test\nretries: 9\n"
                + "pages: [{ id: home, path: /, retries: -1 }]\n"
                + "apis: [{ id: health, request: { path: /h }, retries: often }]\n"))
                .containsExactly("suite.yaml:2:10: retries: must be between 0 and 5, got 9",
                        "suite.yaml:3:39: pages[0].retries: must be between 0 and 5, got -1",
                        "suite.yaml:4:54: apis[0].retries: expected a whole number, got \"often\"");
    }

    @Test
    void oldAssetsIsASeverityOrACheckWithTheBuildManifestOfTheRelease() throws Exception {
        String pages = "target: http://a.test\npages: [{ id: a, path: / }]\n";
        assertThat(parse(pages + "old_assets: block\n").oldAssets())
                .isEqualTo(new OldAssetsSpec(Severity.BLOCK, java.util.Optional.empty()));
        assertThat(parse(pages + "old_assets: { check: ignore, manifest: /asset-manifest.json }\n").oldAssets())
                .isEqualTo(new OldAssetsSpec(Severity.IGNORE, java.util.Optional.of("/asset-manifest.json")));
        assertThat(parse(pages + "old_assets: { manifest: https://cdn.a.test/.vite/manifest.json }\n").oldAssets())
                .isEqualTo(new OldAssetsSpec(Severity.WARN, java.util.Optional.of("https://cdn.a.test/.vite/manifest.json")));
        assertThat(messages(pages + "old_assets: { check: loud, manifest: asset-manifest.json, manfest: x }\n")).containsExactly(
                "suite.yaml:3:22: old_assets.check: expected one of block, warn, ignore, got \"loud\"",
                "suite.yaml:3:38: old_assets.manifest: \"asset-manifest.json\" must start with / (a path on the target) or be an http(s) URL",
                "suite.yaml:3:59: unknown key \"manfest\" in old_assets; did you mean \"manifest\"?");
    }

    @Test
    void theInstanceHeaderIsAHeaderNameKeptWithTheConvergence() throws Exception {
        String pages = "target: http://a.test\npages: [{ id: a, path: / }]\n";
        assertThat(parse(pages + "commit: { instance_header: X-Instance, converge: { consecutive: 2 } }\n").converge())
                .isEqualTo(new dev.gate.checks.commit.ConvergeSpec(2, java.time.Duration.ofMinutes(5), java.time.Duration.ofSeconds(5),
                        java.util.Optional.of("X-Instance")));
        assertThat(parse(pages).converge().instanceHeader()).isEmpty();
        assertThat(messages(pages + "commit: { instance_header: \"X Instance:\" }\n")).containsExactly(
                "suite.yaml:3:28: commit.instance_header: \"X Instance:\" is not a header name: letters, digits and - such as X-Instance");
    }
}
