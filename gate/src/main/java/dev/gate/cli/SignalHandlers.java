package dev.gate.cli;

import dev.gate.io.StopSignal;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SIGINT and SIGTERM: the run stops within seconds, keeps what it saw in a result.json marked
 * interrupted, and leaves no child process behind. The first signal goes to the command's
 * {@link StopSignal}, which interrupts its thread; that thread writes its record and returns. If
 * it has not finished within the grace period, or a second signal arrives, every child process is
 * killed and the JVM halts.
 *
 * <p>Handlers go through {@code sun.misc.Signal} (module jdk.unsupported): a shutdown hook alone
 * cannot tell the two signals apart, nor let the run finish writing before the JVM exits.
 */
final class SignalHandlers {
    private static final long GRACE_SECONDS = 15;

    private SignalHandlers() {
    }

    /** Installs the handlers; signals then reach {@code stop}, which interrupts {@code thread}. */
    static void install(StopSignal stop, Thread thread) {
        stop.interrupts(thread);
        for (StopSignal.Signal signal : StopSignal.Signal.values()) {
            try {
                handle(signal.name(), () -> arrived(stop, signal));
            } catch (ReflectiveOperationException | IllegalArgumentException | UnsupportedOperationException e) {
                // a platform without this signal (or without sun.misc) keeps the JVM's default behaviour
            }
        }
    }

    /**
     * {@code sun.misc.Signal.handle(new Signal(name), handler)}, reached by reflection: javac warns on
     * every direct use of the class, a warning no annotation suppresses, and the build treats
     * warnings as errors.
     */
    private static void handle(String name, Runnable onSignal) throws ReflectiveOperationException {
        Class<?> signalClass = Class.forName("sun.misc.Signal");
        Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
        Object signal = signalClass.getConstructor(String.class).newInstance(name);
        Object handler = java.lang.reflect.Proxy.newProxyInstance(SignalHandlers.class.getClassLoader(),
                new Class<?>[] {handlerClass}, (proxy, method, args) -> {
                    if (method.getName().equals("handle")) {
                        onSignal.run();
                        return null;
                    }
                    return switch (method.getName()) {
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "gate signal handler";
                    };
                });
        signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
    }

    private static void arrived(StopSignal stop, StopSignal.Signal signal) {
        if (!stop.arrived(signal)) {
            // a second signal: the person means it
            killChildren();
            Runtime.getRuntime().halt(signal.exitStatus());
            return;
        }
        System.err.println("\ngate: SIG" + signal.name() + ": stopping; writing what was seen so far (again to stop at once)");
        Thread watchdog = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(GRACE_SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("gate: did not stop within " + GRACE_SECONDS + "s; killing child processes and exiting");
            killChildren();
            Runtime.getRuntime().halt(signal.exitStatus());
        }, "gate-signal-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
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
