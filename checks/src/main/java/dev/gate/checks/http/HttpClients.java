package dev.gate.checks.http;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The JDK HTTP clients the gate makes, so they can be stopped before it exits. Each keeps a
 * selector thread waiting in {@code epoll} until the client is collected, and a JVM that exits
 * waits up to 300 ms for threads in native code: a third of a second at the end of every command.
 * Java 21 stops a client with its public {@code shutdownNow}; on Java 17 its selector manager's
 * {@code shutdown} (what the client's own cleanup calls once it is collected) is reached through the
 * jar's {@code Add-Opens} of {@code jdk.internal.net.http}. Where neither is
 * possible (the classes run off a class path) nothing is stopped and the JVM simply waits.
 */
public final class HttpClients {
    /** Weakly: a client dropped and collected meanwhile stopped on its own. */
    private static final Map<HttpClient, Boolean> MADE = Collections.synchronizedMap(new WeakHashMap<>());

    private HttpClients() {
    }

    /** Remembers a client made, to be stopped by {@link #stopAll}. */
    public static HttpClient track(HttpClient client) {
        MADE.put(client, Boolean.TRUE);
        return client;
    }

    /** Stops every client made: for the very end of a command, when nothing sends any more. */
    public static void stopAll() {
        List<HttpClient> clients;
        synchronized (MADE) {
            clients = new ArrayList<>(MADE.keySet());
            MADE.clear();
        }
        clients.forEach(HttpClients::stop);
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field f = owner.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
    }

    private static void stop(HttpClient client) {
        try {
            try {
                // Java 21: at once, not after the exchanges still in flight (a probe a deadline abandoned)
                HttpClient.class.getMethod("shutdownNow").invoke(client);
                return;
            } catch (NoSuchMethodException e) {
                // Java 17: through the selector manager
            }
            Object selector = field(field(client, "impl"), "selmgr");
            Method shutdown = selector.getClass().getDeclaredMethod("shutdown");
            shutdown.setAccessible(true);
            shutdown.invoke(selector);
        } catch (Exception | LinkageError e) {
            // not reachable here: the JVM waits its 300 ms
        }
    }
}
