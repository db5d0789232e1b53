package dev.gate.cli;

import dev.gate.checks.commit.CommitId;
import dev.gate.flow.Browsers;
import dev.gate.flow.LocalRun;
import dev.gate.io.Io;
import dev.gate.run.RunFolder;
import dev.gate.suite.Suite;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "The deployer's local run: take a baseline, run the deploy command (its output streamed), "
                + "then verify and act. With --audible, a foghorn sounds the moment the release goes live.",
        footerHeading = "%nExample:%n",
        footer = {"  gate run --suite gate.yaml --repo . --audible -- ./deploy.sh production",
            "",
            "Exit statuses: 0 PASS · 1 BLOCK, or the deploy command failed · 2 invalid suite or flags, or a deploy "
                    + "freeze is active · 3 rollback failed: a person is needed"})
final class RunCommand implements Callable<Integer> {
    private final Io io;

    @Mixin
    SuiteOption suite = new SuiteOption();

    @Mixin
    CommitOptions commit = new CommitOptions();

    @Mixin
    RunFolderOption out = new RunFolderOption();

    @Mixin
    RollbackOption rollback = new RollbackOption();

    @Option(names = "--override-freeze", description = "Deploy even inside one of the suite's freeze windows.")
    boolean overrideFreeze;

    @Option(names = "--deploy-timeout", paramLabel = "DURATION", defaultValue = "30m",
            description = "Stop the deploy command after this long (default: ${DEFAULT-VALUE}).")
    String deployTimeout;

    @Mixin
    SoundOptions sound = new SoundOptions();

    @Parameters(arity = "1..*", paramLabel = "DEPLOY COMMAND", description = "The deploy command and its arguments, after --.")
    List<String> deploy;

    RunCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        CommandInputs inputs = new CommandInputs(io);
        Suite s = inputs.suite(suite.file);
        CommitId expected = inputs.expectedCommit(commit.sha, commit.repo);
        Duration timeout = inputs.duration("--deploy-timeout", deployTimeout);
        Optional<String> frozen = s.freeze().refusalAt(io.clock().instant());
        if (frozen.isPresent() && !overrideFreeze) {
            throw new InvalidInput(frozen.get());
        }
        frozen.ifPresent(f -> io.out().println("gate: deploying inside a freeze window (--override-freeze): " + f));
        // one browser for the baseline, the verification and a rollback's confirmation
        try (Browsers browsers = new Browsers(io); RunFolder folder = inputs.runFolder(out.dir, expected)) {
            return new LocalRun(io, sound.player(io)).run(new LocalRun.Request(s, expected, inputs.defaultBaseline(s),
                    deploy, timeout, folder, rollback.allowed(), inputs.history(commit.repo), browsers.supply(s)));
        }
    }
}
