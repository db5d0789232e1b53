package dev.gate.cli;

/** The entry point of gate.jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(GateCli.run(args, Io.system()));
    }
}
