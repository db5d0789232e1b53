package dev.gate.demo;

import dev.gate.baseline.Baseline;
import dev.gate.baseline.BaselineTaker;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Sleeper;
import dev.gate.checks.Status;
import dev.gate.checks.metric.MetricDecision;
import dev.gate.flow.Browsers;
import dev.gate.flow.Verification;
import dev.gate.io.AtomicFiles;
import dev.gate.io.Io;
import dev.gate.report.Style;
import dev.gate.run.RunFolder;
import dev.gate.run.RunRecord;
import dev.gate.run.Shard;
import dev.gate.suite.Suite;
import dev.gate.suite.SuiteLoader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's last deploy, shown only where a {@code prometheus} binary exists: a release whose
 * recommendations fail one call in four, a route no key page covers. The probes pass; the team's
 * metrics, read from a real Prometheus scraping the shop under steady traffic, block it.
 *
 * <p>It runs on the wall clock whatever clock the demo was given: Prometheus stamps its samples
 * with real time, so the windows before and after the deploy must be real time too.
 */
final class DemoMetricsScene {
    static final String VERSION = "v9";
    private static final Duration BEFORE = Duration.ofSeconds(20);
    private static final List<String> CUSTOMERS = List.of("/", "/p/7", "/api/recommendations");
    private static final int PER_SECOND = 10;

    private final Io io;
    private final Path folder;
    private final DemoRepository repo;
    private final DemoSite site;
    private final Browsers browsers;

    DemoMetricsScene(Io io, Path folder, DemoRepository repo, DemoSite site, Browsers browsers) {
        this.io = new Io(io.out(), io.err(), io.env(), io.cwd(), Clock.systemUTC(), Sleeper.real(), io.terminal(), io.stop());
        this.folder = folder;
        this.repo = repo;
        this.site = site;
        this.browsers = browsers;
    }

    /** @return whether the deploy was shown; a mismatch with what it must show is added to {@code mismatches} */
    @SuppressWarnings("try") // the traffic runs for the whole block and is only closed
    boolean play(Path binary, int step, int steps, List<String> mismatches) throws Exception {
        say(Style.of(io).bold("[" + step + "/" + steps + "] Deploy " + VERSION + " " + DemoScript.describe(repo, VERSION))
                + ": the recommendations under the cart fail one call in four; no key page waits for them");
        DemoPrometheus prometheus;
        try {
            prometheus = DemoPrometheus.start(binary, folder.resolve("prometheus"), site.url());
        } catch (IOException e) {
            say("→ Skipped: " + e.getMessage());
            return false;
        }
        try (prometheus; DemoTraffic traffic = DemoTraffic.start(site.url(), CUSTOMERS, PER_SECOND)) {
            Path suiteFile = folder.resolve("suite-with-metrics.yaml");
            AtomicFiles.write(suiteFile, DemoSuite.forTarget(site.url()) + metrics(prometheus.url()));
            Map<String, String> env = new java.util.HashMap<>(io.env());
            env.put(DemoSuite.PASSWORD_VARIABLE, site.password());
            Suite suite = new SuiteLoader(env).load(suiteFile, io.display(suiteFile));
            say("→ Prometheus (" + binary + ") scrapes the shop every second at " + prometheus.url() + "; customers send "
                    + CUSTOMERS.size() * PER_SECOND + " requests a second; the suite " + io.display(suiteFile)
                    + " reads the 5xx ratio " + BEFORE.toSeconds() + "s before the deploy and 10s after it");
            io.sleeper().sleep(BEFORE.plusSeconds(2));
            Optional<Baseline> baseline = new BaselineTaker(io).take(suite, folder.resolve("baseline.json"),
                    browsers.supply(suite)).baseline();
            String before = site.liveVersion();
            site.deploy(VERSION);
            say("→ Deployed " + VERSION + ": gate verify --expect-commit " + repo.commit(VERSION).shortHex());
            RunRecord record;
            try (RunFolder run = RunFolder.claim(folder.resolve("runs").resolve(step + "-" + VERSION))) {
                record = new Verification(io).run(new Verification.Request(suite, repo.commit(VERSION), baseline, run,
                        Shard.ALL, true, Optional.of(repo.folder()), browsers.supply(suite)));
            }
            List<CheckResult> probes = record.checks().stream().filter(c -> !c.kind().equals(MetricDecision.KIND)).toList();
            Optional<CheckResult> metric = record.checks().stream()
                    .filter(c -> c.kind().equals(MetricDecision.KIND) && c.status() == Status.FAIL).findFirst();
            if (!record.verdict().blocks() || metric.isEmpty()
                    || probes.stream().anyMatch(c -> c.status() == Status.FAIL || c.status() == Status.ERROR)) {
                mismatches.add(VERSION + ": expected the probes to pass and the metrics to block, the gate said "
                        + record.verdict() + " (" + record.reason() + ")");
            } else if (!site.liveVersion().equals(before)) {
                mismatches.add(VERSION + ": the rollback to " + before + " was not confirmed");
            } else {
                say("→ Every probe passed, and the team's metrics blocked " + VERSION + ": " + metric.get().summary()
                        + "; rolled the shop back to " + site.liveVersion() + " and confirmed it");
            }
            return true;
        }
    }

    private static String metrics(URI prometheus) {
        return """

                # added by the demo for its last deploy: the shop's own Prometheus
                metrics:
                  prometheus: { url: "%s" }
                  before: %ds
                  after: 10s
                  step: 2s
                  queries:
                    - id: error-ratio
                      kind: ratio
                      errors: sum(increase(demo_http_requests_total{code=~"5.."}[$__step]))
                      total: sum(increase(demo_http_requests_total[$__step]))
                      max_increase: 1%%
                """.formatted(prometheus, BEFORE.toSeconds());
    }

    private void say(String line) {
        io.out().println(line);
    }
}
