package dev.gate.io;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether a person stopped the run (SIGINT or SIGTERM), passed down to everything that must know:
 * the verification marks its record interrupted, the exit status follows the signal. While the
 * record is being written the token is shielded: a signal then must not interrupt the write.
 * The command line installs the handlers that call {@link #arrived}.
 */
public final class StopSignal {
    /** The signals that stop a run, with the exit status shells report for them. */
    public enum Signal {
        INT(130), TERM(143);

        private final int exitStatus;

        Signal(int exitStatus) {
            this.exitStatus = exitStatus;
        }

        public int exitStatus() {
            return exitStatus;
        }
    }

    private final AtomicReference<Signal> arrived = new AtomicReference<>();
    private volatile Thread worker;
    private volatile boolean shielded;

    /** A token no signal reaches: for runs inside tests and the demo's own steps. */
    public static StopSignal none() {
        return new StopSignal();
    }

    /** The thread a signal interrupts: the one running the command. */
    public void interrupts(Thread thread) {
        worker = thread;
    }

    /** @return false when a signal had arrived already (the person means it) */
    public boolean arrived(Signal signal) {
        if (!arrived.compareAndSet(null, signal)) {
            return false;
        }
        Thread w = worker;
        if (w != null && !shielded) {
            w.interrupt();
        }
        return true;
    }

    public Optional<Signal> signal() {
        return Optional.ofNullable(arrived.get());
    }

    /** "SIGINT", for messages; SIGINT when none arrived and the thread was interrupted anyway. */
    public String name() {
        return "SIG" + signal().orElse(Signal.INT).name();
    }

    /** From here on the command is writing its record: a signal must not break the write. */
    public void shield() {
        shielded = true;
        Thread.interrupted();
    }

    /** The record is written: signals interrupt again. */
    public void unshield() {
        shielded = false;
    }
}
