package dev.gate.cli;

import dev.gate.baseline.Baseline;
import dev.gate.flow.Watch;
import dev.gate.io.Io;
import dev.gate.suite.Suite;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Hours after a deploy: sample the latency endpoints again, compare with the baseline taken before "
                + "the deploy and with the deploy history, record the round, and exit 1 the first time a regression or a "
                + "trip-wire fires. One round by default; --for 4h --every 15m keeps watching.",
        footerHeading = "%nExit statuses:%n",
        footer = {"  0 nothing fired · 1 a regression or a trip-wire fired (or a round could not judge) · 2 invalid suite or flags"})
final class WatchCommand implements Callable<Integer> {
    private final Io io;

    @Mixin
    SuiteOption suite = new SuiteOption();

    @Mixin
    BaselineOption baseline = new BaselineOption();

    @Option(names = "--for", paramLabel = "DURATION", description = "Keep watching this long (4h, 90m); without it, one round.")
    Optional<String> period = Optional.empty();

    @Option(names = "--every", paramLabel = "DURATION", description = "Time between rounds with --for (default: 15m).")
    Optional<String> every = Optional.empty();

    WatchCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        CommandInputs inputs = new CommandInputs(io);
        Suite s = inputs.suite(suite.file);
        if (!s.latency().enabled()) {
            throw new InvalidInput(suite.file + ": the suite has no latency endpoints to watch (latency.endpoints)");
        }
        Duration length = period.isPresent() ? inputs.duration("--for", period.get()) : Duration.ZERO;
        if (every.isPresent() && period.isEmpty()) {
            throw new InvalidInput("--every: only with --for; without --for, watch runs one round");
        }
        Duration gap = every.isPresent() ? inputs.duration("--every", every.get()) : Duration.ofMinutes(15);
        Optional<Baseline> b = inputs.baseline(baseline.file, s);
        return new Watch(io).run(new Watch.Request(s, b, length, gap, io.cwd()));
    }
}
