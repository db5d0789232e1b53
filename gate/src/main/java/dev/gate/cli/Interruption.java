package dev.gate.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * SIGINT and SIGTERM: the run stops within seconds, keeps what it saw in a result.json marked
 * interrupted, and leaves no child process behind. The first signal interrupts the command's
 * thread, which writes its record and returns; if it has not finished within the grace period, or
 * a second signal arrives, the watchdog kills every child process and halts.
 *
 * <p>Handlers go through {@code sun.misc.Signal} (module jdk.unsupported): a shutdown hook alone
 * cannot tell the two signals apart, nor let the run finish writing before the JVM exits.
 */
final class Interruption {
    private static final long GRACE_SECONDS = 15;
    private static final AtomicReference<String> SIGNAL = new AtomicReference<>();
    private static volatile Thread worker;
    private static volatile boolean shielded;

    private Interruption() {
    }

    /** Installs the handlers; signals then interrupt {@code thread}. */
    static void install(Thread thread) {
        worker = thread;
        for (String name : List.of("INT", "TERM")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> arrived(s.getName()));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // a platform without this signal keeps the JVM's default behaviour
            }
        }
    }

    private static void arrived(String name) {
        if (!SIGNAL.compareAndSet(null, name)) {
            // a second signal: the person means it
            killChildren();
            Runtime.getRuntime().halt(status(name));
            return;
        }
        System.err.println("\ngate: SIG" + name + ": stopping; writing what was seen so far (again to stop at once)");
        Thread w = worker;
        if (w != null && !shielded) {
            w.interrupt();
        }
        Thread watchdog = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(GRACE_SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("gate: did not stop within " + GRACE_SECONDS + "s; killing child processes and exiting");
            killChildren();
            Runtime.getRuntime().halt(status(name));
        }, "gate-signal-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** The signal that arrived, if any: "INT" or "TERM". */
    static Optional<String> signal() {
        return Optional.ofNullable(SIGNAL.get());
    }

    /** 128 plus the signal's number, as shells report a process ended by a signal. */
    static int exitStatus() {
        return signal().map(Interruption::status).orElse(ExitStatus.BLOCK);
    }

    private static int status(String name) {
        return name.equals("INT") ? 130 : 143;
    }

    /** From here on the command is writing its record: a signal must not break the write. */
    static void shield() {
        shielded = true;
        Thread.interrupted();
    }

    /** The record is written: signals interrupt again. */
    static void unshield() {
        shielded = false;
    }

    /** Every process this JVM started, and theirs: children first would be re-parented and survive. */
    static void killChildren() {
        List<ProcessHandle> all = ProcessHandle.current().descendants().toList();
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }
}
