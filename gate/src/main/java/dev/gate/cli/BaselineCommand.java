package dev.gate.cli;

import dev.gate.baseline.BaselineTaker;
import dev.gate.flow.Browsers;
import dev.gate.flow.HistoryStep;
import dev.gate.io.Io;
import dev.gate.report.ConsoleReporter;
import dev.gate.report.Style;
import dev.gate.run.ExitStatus;
import dev.gate.suite.Suite;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Before a deploy: record what is live now, to compare with after the deploy.")
final class BaselineCommand implements Callable<Integer> {
    private final Io io;

    @Mixin
    SuiteOption suite = new SuiteOption();

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the baseline (default: .gate/<suite name>/baseline.json).")
    Optional<Path> out;

    @Option(names = "--print-path", description = "Print where the baseline goes (the --out file, or the suite's default) and exit.")
    boolean printPath;

    BaselineCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        CommandInputs inputs = new CommandInputs(io);
        Suite s = inputs.suite(suite.file);
        Path file = out.map(io::resolve).orElseGet(() -> inputs.defaultBaseline(s));
        if (printPath) {
            io.out().println(file);
            return ExitStatus.PASS;
        }
        Instant started = io.clock().instant();
        BaselineTaker.Outcome taken;
        try (Browsers browsers = new Browsers(io)) {
            taken = new BaselineTaker(io).take(s, file, browsers.supply(s));
        }
        taken.baseline().ifPresent(b -> new HistoryStep(io, s, new ConsoleReporter(io.out(), Style.of(io), s.redactor()))
                .recordBaseline(b, started));
        return taken.exitStatus();
    }
}
