package dev.gate.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The demo shop's deploy and rollback, as a pipeline would run them: a real process,
 * {@code gate demo-control URL deploy v2} or {@code gate demo-control URL rollback} (a hidden command),
 * which asks the running shop to switch releases.
 */
public final class DemoControl {
    private DemoControl() {
    }

    /** What the shop answered: its status and body. */
    public record Answer(int status, String body) {
        public boolean switched() {
            return status == 200;
        }
    }

    /** @param version the release to deploy; none for a rollback */
    public static Answer call(URI shop, String action, Optional<String> version) throws IOException, InterruptedException {
        String call = version.map(v -> "/__demo/" + action + "?version=" + v).orElse("/__demo/" + action);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(shop + call))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
