package dev.gate.checks.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** In a JVM of its own, started as gate.jar is (with its Add-Opens), and as a class path is (without). */
class HttpClientsTest {
    /** Makes a client, stops all, and prints the HTTP client threads still alive. */
    public static void main(String[] args) throws InterruptedException {
        HttpClients.track(HttpClient.newBuilder().build());
        HttpClients.stopAll();
        Thread.sleep(200);
        System.out.print(Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.endsWith("SelectorManager")).toList());
    }

    @Test
    void theSelectorThreadEndsWhenTheJarOpensTheClientsPackage() throws Exception {
        assertThat(run(List.of("--add-opens", "java.net.http/jdk.internal.net.http=ALL-UNNAMED"))).isEqualTo("[]");
    }

    /** Java 21 closes a client through its public close(); before that, the thread stays and the JVM waits. */
    @Test
    void withoutTheOpensNothingFails() throws Exception {
        String alive = run(List.of());
        if (Runtime.version().feature() >= 21) {
            assertThat(alive).isEqualTo("[]");
        } else {
            assertThat(alive).contains("SelectorManager");
        }
    }

    private static String run(List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), HttpClientsTest.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.strip();
    }
}
