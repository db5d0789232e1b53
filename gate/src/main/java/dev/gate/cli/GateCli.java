package dev.gate.cli;

import dev.gate.checks.page.BrowserUnavailableException;
import dev.gate.io.Io;
import dev.gate.run.CheckExecutor;
import dev.gate.run.ExitStatus;
import dev.gate.run.GateVersion;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Builds the command line and maps every outcome to an exit status. */
public final class GateCli {
    private GateCli() {
    }

    @Command(name = "gate", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "A post-deploy smoke and regression gate: is the release that was meant to go live "
                    + "actually live, healthy and no slower than before?",
            footerHeading = "%nExit statuses:%n",
            footer = {
                "  0  PASS (warnings allowed)",
                "  1  BLOCK: the deploy failed the gate (a requested rollback was done and verified)",
                "  2  the suite or the flags are invalid, or a deploy freeze is active (gate run); nothing was probed",
                "  3  BLOCK and the rollback failed or could not be verified: a person is needed now"})
    static final class Top implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "name a command: baseline, verify, run, merge, history, watch, postmortem or demo");
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gate " + GateVersion.get()};
        }
    }

    public static CommandLine commandLine(Io io) {
        CommandLine cl = new CommandLine(new Top());
        cl.addSubcommand("verify", new VerifyCommand(io));
        cl.addSubcommand("baseline", new BaselineCommand(io));
        cl.addSubcommand("run", new RunCommand(io));
        cl.addSubcommand("merge", new MergeCommand(io));
        cl.addSubcommand("postmortem", new PostmortemCommand(io));
        cl.addSubcommand("history", new HistoryCommand(io));
        cl.addSubcommand("demo", new DemoCommand(io));
        cl.addSubcommand("demo-control", new DemoControlCommand(io));
        cl.setOut(new PrintWriter(io.out(), true));
        cl.setErr(new PrintWriter(io.err(), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setAbbreviatedOptionsAllowed(false);
        cl.setExitCodeExceptionMapper(e -> ExitStatus.INVALID);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine bad = ex.getCommandLine();
            io.err().println("gate: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, bad.getErr());
            io.err().println("Run '" + bad.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitStatus.INVALID;
        });
        cl.setExecutionExceptionHandler((ex, bad, parsed) -> {
            // bad input, found before anything was probed: exit 2, each problem on its own line
            if (ex instanceof InvalidInput invalid) {
                invalid.lines().forEach(line -> io.err().println("gate: " + line));
                return ExitStatus.INVALID;
            }
            if (ex instanceof BrowserUnavailableException none) {
                io.err().println("gate: no browser for the page checks: " + none.getMessage());
                return ExitStatus.INVALID;
            }
            if (ex instanceof InterruptedException) {
                io.err().println("gate: interrupted" + io.stop().signal().map(s -> " by SIG" + s.name()).orElse("")
                        + " before anything was decided; nothing was written");
                return ExitStatus.interrupted(io.stop().signal());
            }
            // a crash in the gate itself must not look like a pass: BLOCK
            io.err().println("gate: internal error: " + CheckExecutor.oneLine(ex));
            if (io.env().containsKey("GATE_DEBUG")) {
                for (Throwable t = ex; t != null; t = t.getCause()) {
                    io.err().println("  " + t);
                    for (StackTraceElement frame : t.getStackTrace()) {
                        io.err().println("    at " + frame);
                    }
                }
            }
            return ExitStatus.BLOCK;
        });
        return cl;
    }

    public static int run(String[] args, Io io) {
        return commandLine(io).execute(args);
    }
}
