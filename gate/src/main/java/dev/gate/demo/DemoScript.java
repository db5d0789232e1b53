package dev.gate.demo;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import dev.gate.checks.trend.Tripwire;

import dev.gate.baseline.Baseline;
import dev.gate.io.AtomicFiles;
import dev.gate.baseline.BaselineTaker;
import dev.gate.checks.page.BrowserUnavailableException;
import dev.gate.flow.Browsers;
import dev.gate.flow.Verification;
import dev.gate.io.Io;
import dev.gate.report.Style;
import dev.gate.run.ExitStatus;
import dev.gate.run.RunFolder;
import dev.gate.run.RunRecord;
import dev.gate.run.Shard;
import dev.gate.suite.Suite;
import dev.gate.suite.SuiteException;
import dev.gate.suite.SuiteLoader;
import dev.gate.verdict.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's narration: opens the shop, then for each scenario takes a baseline, deploys a
 * release and verifies it, and says what the gate decided and why. It succeeds when every
 * decision is the one the scenario expects, so the demo doubles as an end-to-end test.
 */
public final class DemoScript {
    /** A deploy to show, and what the gate must decide about it. */
    record Scenario(String version, Verdict expected, String story) {
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("v2", Verdict.PASS, "a good release, rolled out one instance after the other"),
            new Scenario("v3", Verdict.BLOCK, "the edge cache keeps serving the old product page"),
            new Scenario("v4", Verdict.BLOCK, "the product page asks for a chunk the build did not ship, "
                    + "and the deploy deleted the old assets"),
            new Scenario("v5", Verdict.BLOCK, "the new bundle throws while the page loads"),
            new Scenario("v6", Verdict.BLOCK, "the product list became 1.5 times slower (an N+1 query)"),
            new Scenario("v7", Verdict.BLOCK, "the health check moved to a connection pool that is exhausted"),
            new Scenario("v8", Verdict.BLOCK, "one of the two instances never takes the new image"));

    /** Three releases each a little slower than the one before: no comparison blocks them, the history sees it. */
    static final List<Scenario> CREEP = List.of(
            new Scenario("v10", Verdict.PASS, "the product list is about 1 ms slower, too little to block"),
            new Scenario("v11", Verdict.PASS, "and about 1 ms slower again"),
            new Scenario("v12", Verdict.WARN, "and again: each deploy passes its own comparison with the one before"));

    /** Fixed, so that the demo repository has the same commits on every machine. */
    private static final Instant HISTORY_START = Instant.parse("2026-11-02T09:00:00Z");

    private final Io io;
    private final Path base;

    public DemoScript(Io io, Path base) {
        this.io = io;
        this.base = base;
    }

    /** @return the exit status: PASS when every deploy was decided as its scenario expects */
    public int play() throws Exception {
        Path folder = base.resolve(stamp());
        for (int i = 2; java.nio.file.Files.exists(folder); i++) {
            folder = base.resolve(stamp() + "-" + i);
        }
        AtomicFiles.createFolders(folder);
        DemoRepository repo = DemoRepository.create(folder.resolve("repo"), DemoReleases.all(), HISTORY_START);
        // one browser for every baseline, verification and confirmation of the demo
        try (DemoSite site = DemoSite.start(repo.commits(), "v1", 42); Browsers browsers = new Browsers(io)) {
            return play(folder, repo, site, browsers);
        } catch (SuiteException e) {
            // the demo writes its own suite: a problem in it is the gate's, not the person's
            e.problems().forEach(p -> io.err().println("gate demo: " + p));
            return ExitStatus.BLOCK;
        } catch (RunFolder.RunFolderException e) {
            io.err().println("gate demo: " + e.getMessage());
            return ExitStatus.BLOCK;
        } catch (BrowserUnavailableException e) {
            io.err().println("gate: no browser for the page checks: " + e.getMessage());
            return ExitStatus.BLOCK;
        }
    }

    private int play(Path folder, DemoRepository repo, DemoSite site, Browsers browsers) throws Exception {
        {
            Path suiteFile = folder.resolve("suite.yaml");
            AtomicFiles.write(suiteFile, DemoSuite.forTarget(site.url()));
            // the shop's password reaches the suite the way a team's would: from the environment, as a secret
            Map<String, String> env = new java.util.HashMap<>(io.env());
            env.put(DemoSuite.PASSWORD_VARIABLE, site.password());
            Suite suite = new SuiteLoader(env).load(suiteFile, io.display(suiteFile));
            say(Style.of(io).bold("gate demo") + " · the gate's whole cycle on an embedded shop, all on 127.0.0.1");
            say("");
            say("The shop is open at " + site.url() + " with release v1 " + describe(repo, "v1"));
            say("Its repository (" + repo.commits().size() + " releases) is " + io.display(repo.folder()) + "; its suite is "
                    + io.display(suiteFile));
            List<String> mismatches = new ArrayList<>();
            int step = 1;
            Optional<Path> prometheus = DemoPrometheus.binary(io.env());
            int steps = SCENARIOS.size() + (prometheus.isPresent() ? 1 : 0) + CREEP.size();
            for (Scenario scenario : SCENARIOS) {
                // the history is seeded from the second baseline: the first one runs in a cold JVM and reads slow
                Optional<RunRecord> record = deploy(folder, repo, site, browsers, suite, scenario, step, steps, mismatches,
                        step == 2 ? Optional.of(repo) : Optional.empty());
                step++;
                if (record.isEmpty()) {
                    return ExitStatus.BLOCK;
                }
            }
            say("");
            int deploys = SCENARIOS.size();
            if (prometheus.isEmpty()) {
                say("Skipped the release only the team's metrics catch: no prometheus binary on PATH or in /usr/bin "
                        + "(apt-get install -y prometheus), so there is no Prometheus to read");
            } else if (new DemoMetricsScene(io, folder, repo, site, browsers).play(prometheus.get(),
                    SCENARIOS.size() + 1, steps, mismatches)) {
                deploys++;
            }
            step += prometheus.isPresent() ? 1 : 0;
            for (Scenario scenario : CREEP) {
                Optional<RunRecord> record = deploy(folder, repo, site, browsers, suite, scenario, step++, steps, mismatches,
                        Optional.empty());
                if (record.isEmpty()) {
                    return ExitStatus.BLOCK;
                }
                deploys++;
                if (scenario.version().equals("v12")) {
                    Optional<CheckResult> trip = record.get().checks().stream()
                            .filter(c -> c.kind().equals(Tripwire.KIND) && c.status() != Status.PASS).findFirst();
                    if (trip.isPresent()) {
                        say("→ v10, v11 and v12 each passed their comparison with the release before; the trip-wire caught "
                                + "where the product list has gone: " + trip.get().summary());
                    } else {
                        String saw = record.get().checks().stream().flatMap(c -> c.details().stream())
                                .filter(d -> d.startsWith("trip-wire: ")).findFirst().orElse("no trip-wire line");
                        mismatches.add("v12: the trip-wire did not fire on the product list's creep (" + saw + ")");
                    }
                }
            }
            say("");
            if (!mismatches.isEmpty()) {
                mismatches.forEach(m -> io.err().println("gate demo: " + m));
                io.err().println("gate demo: the demonstration did not go as expected");
                return ExitStatus.BLOCK;
            }
            say(Style.of(io).bold("Demo complete") + ": " + deploys + " deploys, each decided as expected. "
                    + "Run folders: " + io.display(folder.resolve("runs")));
            return ExitStatus.PASS;
        }
    }

    /**
     * One scenario: baseline, deploy, verify, and what the gate decided. With {@code seedFrom}, the
     * demo's history first gets the shop's earlier deploys (of v1), at the latency the baseline
     * measured now, so that the trip-wire has a normal to compare with.
     *
     * @return the run's record, or empty when a person stopped the demo
     */
    private Optional<RunRecord> deploy(Path folder, DemoRepository repo, DemoSite site, Browsers browsers, Suite suite,
                                       Scenario scenario, int step, int steps, List<String> mismatches,
                                       Optional<DemoRepository> seedFrom) throws Exception {
        say("");
        say(Style.of(io).bold("[" + step + "/" + steps + "] Deploy " + scenario.version() + " "
                + describe(repo, scenario.version())) + ": " + scenario.story());
        Path baselineFile = folder.resolve("baseline.json");
        BaselineTaker.Outcome taken = new BaselineTaker(io).take(suite, baselineFile, browsers.supply(suite));
        Optional<Baseline> baseline = taken.baseline();
        if (seedFrom.isPresent() && baseline.isPresent()) {
            DemoHistory.seed(suite, baseline.get(), seedFrom.get(), HISTORY_START, io).ifPresent(this::say);
        }
        String before = site.liveVersion();
        site.deploy(scenario.version());
        say("→ Deployed " + scenario.version() + ": gate verify --expect-commit "
                + repo.commit(scenario.version()).shortHex());
        Path runDir = folder.resolve("runs").resolve(step + "-" + scenario.version());
        RunRecord record;
        try (RunFolder run = RunFolder.claim(runDir)) {
            record = new Verification(io).run(new Verification.Request(suite, repo.commit(scenario.version()),
                    baseline, run, Shard.ALL, true, Optional.of(repo.folder()), browsers.supply(suite)));
        }
        // a good release must get through (a warning still lets it), a broken one must not
        if (record.verdict().blocks() != scenario.expected().blocks()) {
            mismatches.add(scenario.version() + ": expected " + scenario.expected() + ", the gate said "
                    + record.verdict());
        }
        if (record.interrupted()) {
            say("→ Interrupted: the demo stops here");
            return Optional.empty();
        }
        if (record.verdict().blocks()) {
            if (record.exitStatus() != ExitStatus.BLOCK || !site.liveVersion().equals(before)) {
                mismatches.add(scenario.version() + ": the rollback to " + before + " was not confirmed (exit "
                        + record.exitStatus() + ")");
            }
            say("→ The gate blocked " + scenario.version() + ", rolled the shop back to " + site.liveVersion()
                    + " and confirmed it" + postmortem(record));
        }
        return Optional.of(record);
    }

    private String postmortem(RunRecord record) {
        return record.actions().stream().filter(a -> a.kind().equals("postmortem") && a.outcome().equals("succeeded"))
                .map(a -> "; post-mortem stub: " + io.display(Path.of(a.data().get("file")))).findFirst().orElse("");
    }

    private String stamp() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(io.clock().instant());
    }

    static String describe(DemoRepository repo, String version) {
        DemoRelease r = DemoReleases.byVersion(version).orElseThrow();
        return "(" + repo.commit(version).shortHex() + " \"" + r.subject() + "\", " + r.author() + ")";
    }

    private void say(String line) {
        io.out().println(line);
    }

}
