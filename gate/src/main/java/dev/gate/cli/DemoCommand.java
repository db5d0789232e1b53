package dev.gate.cli;

import dev.gate.demo.DemoScript;
import dev.gate.io.Io;
import dev.gate.run.ExitStatus;
import dev.gate.demo.DemoSuite;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The whole gate cycle on an embedded demo shop, on 127.0.0.1: baseline, deploy, verify, "
                + "verdict, for a good release and for broken ones.")
final class DemoCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the demo keeps its suite, repository and runs (default: .gate/demo).")
    Optional<Path> out;

    @Option(names = "--print-suite", description = "Print the demo's suite and exit.")
    boolean printSuite;

    @Option(names = "--audible", description = "Play the sounds a deployer hears.")
    boolean audible;

    DemoCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        if (printSuite) {
            io.out().print(DemoSuite.template().replace("{{target}}", "http://127.0.0.1:8080")
                    .replace("{{java}}", "java").replace("{{classpath}}", "gate.jar"));
            return ExitStatus.PASS;
        }
        Path base = io.resolve(out.orElse(Path.of(".gate", "demo")));
        return new DemoScript(io, base).play();
    }
}
