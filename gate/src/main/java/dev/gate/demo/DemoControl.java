package dev.gate.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A deploy or rollback command for the demo shop, run as a real process as a pipeline would run
 * one: {@code java -cp gate.jar dev.gate.demo.DemoControl URL deploy v2} or {@code ... URL rollback}.
 */
public final class DemoControl {
    private DemoControl() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 2 || (args[1].equals("deploy") && args.length < 3)) {
            System.err.println("usage: DemoControl URL deploy VERSION | DemoControl URL rollback");
            System.exit(2);
        }
        String call = args[1].equals("deploy") ? "/__demo/deploy?version=" + args[2] : "/__demo/" + args[1];
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(args[0] + call))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println(args[1] + ": " + response.body());
        System.exit(response.statusCode() == 200 ? 0 : 1);
    }
}
