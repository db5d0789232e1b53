package dev.gate.cli;

import dev.gate.suite.Suite;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Before a deploy: record what is live now, to compare with after the deploy.")
final class BaselineCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--suite", required = true, paramLabel = "FILE", description = "The suite (YAML).")
    Path suite;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the baseline (default: .gate/baseline.json).")
    Optional<Path> out;

    BaselineCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws InterruptedException {
        CommandInputs inputs = new CommandInputs(io);
        try (Browsers browsers = new Browsers(io)) {
            Suite s = inputs.suite(suite);
            Path file = io.resolve(out.orElse(CommandInputs.DEFAULT_BASELINE));
            return new BaselineFlow(io, browsers).run(s, file).exitStatus();
        } catch (InvalidInput e) {
            inputs.report(e);
            return ExitStatus.INVALID;
        }
    }
}
