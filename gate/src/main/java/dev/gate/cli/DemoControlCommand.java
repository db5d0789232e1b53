package dev.gate.cli;

import dev.gate.demo.DemoControl;
import dev.gate.io.Io;
import dev.gate.run.ExitStatus;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "demo-control", hidden = true,
        description = "The demo shop's deploy and rollback command: demo-control URL deploy VERSION | demo-control URL rollback.")
final class DemoControlCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(index = "0", paramLabel = "URL", description = "The running demo shop.")
    URI shop;

    @Parameters(index = "1", paramLabel = "ACTION", description = "deploy or rollback.")
    String action;

    @Parameters(index = "2", arity = "0..1", paramLabel = "VERSION", description = "The release to deploy.")
    Optional<String> version = Optional.empty();

    DemoControlCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        boolean deploy = action.equals("deploy");
        if (!deploy && !action.equals("rollback") || deploy == version.isEmpty()) {
            throw new InvalidInput("usage: demo-control URL deploy VERSION | demo-control URL rollback");
        }
        DemoControl.Answer answer = DemoControl.call(shop, action, version);
        io.out().println(action + ": " + answer.body());
        return answer.switched() ? ExitStatus.PASS : ExitStatus.BLOCK;
    }
}
