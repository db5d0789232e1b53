package dev.gate.cli;

/** The entry point of gate.jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Interruption.install(Thread.currentThread());
        int status = GateCli.run(args, Io.system());
        // nothing the gate started may outlive it: browsers, drivers, deploy and rollback commands
        Interruption.killChildren();
        System.exit(Interruption.signal().isPresent() ? Interruption.exitStatus() : status);
    }
}
