package dev.gate.cli;

import dev.gate.checks.http.HttpClients;
import dev.gate.io.Io;
import dev.gate.io.StopSignal;
import dev.gate.run.ExitStatus;

/** The entry point of gate.jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        StopSignal stop = new StopSignal();
        SignalHandlers.install(stop, Thread.currentThread());
        int status = GateCli.run(args, Io.system(stop));
        // nothing the gate started may outlive it: browsers, drivers, deploy and rollback commands
        SignalHandlers.killChildren();
        // the JVM would wait 300 ms at exit for their selector threads
        HttpClients.stopAll();
        // a signal that arrived after the command returned still decides the status
        System.exit(stop.signal().isPresent() ? ExitStatus.interrupted(stop.signal()) : status);
    }
}
