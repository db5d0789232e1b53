package dev.gate.realstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The suite a team would write for the real shop: its HTML listing and JSON API, latency on both. */
public final class RealShopSuite {
    private RealShopSuite() {
    }

    /** Writes the suite, with the default latency settings, next to where the gate keeps its baseline and runs. */
    public static Path write(Path dir, ShopStack shop) throws IOException {
        return write(dir, shop, "");
    }

    /** The same with more latency keys, such as {@code min_effect: 60%}. */
    public static Path write(Path dir, ShopStack shop, String latencyKeys) throws IOException {
        Path suite = dir.resolve("suite.yaml");
        Files.writeString(suite, "name: realshop\n"
                + "target: " + shop.url() + "\n"
                + "commit:\n"
                + "  marker: { json: /api/products, field: commit }\n"
                + "  converge: { consecutive: 3, timeout: 30s, interval: 1s }\n"
                + "apis:\n"
                + "  - id: listing\n"
                + "    request: { method: GET, path: /products/ }\n"
                + "    expect: { status: 200, body_contains: [\"<h1>Products</h1>\"] }\n"
                + "  - id: products\n"
                + "    request: { method: GET, path: /api/products }\n"
                + "    expect: { status: 200, json: { \"items.size()\": 400 } }\n"
                + "latency:\n"
                + "  endpoints: [listing, products]\n"
                + (latencyKeys.isEmpty() ? "" : "  " + latencyKeys + "\n"));
        return suite;
    }

    /** "STATUS summary" of each latency result in a run folder's result.json. */
    public static List<String> latencyLines(Path run) throws IOException {
        List<String> lines = new ArrayList<>();
        for (JsonNode check : new ObjectMapper().readTree(run.resolve("result.json").toFile()).path("checks")) {
            if (check.path("kind").asText().equals("latency")) {
                lines.add(check.path("status").asText() + " " + check.path("summary").asText());
            }
        }
        return lines;
    }

    /** The current median over the baseline's of each latency result in a run folder's result.json. */
    public static List<Double> medianRatios(Path run) throws IOException {
        List<Double> ratios = new ArrayList<>();
        for (JsonNode check : new ObjectMapper().readTree(run.resolve("result.json").toFile()).path("checks")) {
            JsonNode m = check.path("metrics");
            if (check.path("kind").asText().equals("latency") && m.has("baseline_p50") && m.has("current_p50")) {
                ratios.add(m.path("current_p50").asDouble() / m.path("baseline_p50").asDouble());
            }
        }
        return ratios;
    }

    /** A 40-hex commit id, the n-th of a run, told apart in its first 7 digits as the gate prints them. */
    public static String commit(long n) {
        return String.format(Locale.ROOT, "%02x%038x", n, 0xc0ffeeL);
    }
}
