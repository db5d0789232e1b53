package dev.gate.checks.metric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gate.checks.Redactor;
import dev.gate.checks.http.BodyReader;
import dev.gate.checks.http.HttpProbe;
import dev.gate.checks.http.ProbeResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads range queries from Prometheus's HTTP API ({@code GET /api/v1/query_range}). Each request
 * runs under the probe's timeout and keeps at most the probe's byte limit; an answer cut at that
 * limit is an error, never half a window. The suite's headers go with every request and never into
 * a message: every message names the server's URL and is passed through the redactor.
 */
public final class PrometheusClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Map<String, String> headers;
    private final HttpProbe http;
    private final Redactor redactor;

    /** @param http its timeout is the suite's request timeout; its body limit bounds each answer */
    public PrometheusClient(URI base, Map<String, String> headers, HttpProbe http, Redactor redactor) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.headers = Map.copyOf(headers);
        this.http = http;
        this.redactor = redactor;
    }

    /** The server as messages name it. */
    public String where() {
        return redactor.redact(base.toString());
    }

    /** The points of {@code promql} in {@code (window.start, window.end]}, one every {@code step}. */
    public List<Series> queryRange(String promql, Window window, Duration step)
            throws PrometheusException, InterruptedException {
        URI uri = URI.create(base + "/api/v1/query_range?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&start=" + seconds(window.start().plus(step)) + "&end=" + seconds(window.end())
                + "&step=" + seconds(step));
        Map<String, String> sent = new LinkedHashMap<>(headers);
        sent.putIfAbsent("Accept", "application/json");
        ProbeResponse response;
        try {
            response = http.get(uri, sent);
        } catch (IOException e) {
            throw problem("cannot be reached: " + e.getMessage(), e);
        }
        if (response.truncated()) {
            throw problem("answered more than " + BodyReader.size(response.body().length)
                    + " for one query; narrow the query (sum(...) by fewer labels)", null);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw problem("answered HTTP " + response.status() + " that is not Prometheus JSON"
                    + (response.status() == 200 ? "; is the URL Prometheus's?" : ""), e);
        }
        if (answer == null || !answer.path("status").asText().equals("success")) {
            String type = answer == null ? "" : answer.path("errorType").asText("");
            String error = answer == null ? "" : answer.path("error").asText("");
            throw problem("answered HTTP " + response.status() + (type.isEmpty() ? "" : " " + type)
                    + (error.isEmpty() ? "" : ": " + error) + " for " + promql, null);
        }
        JsonNode data = answer.path("data");
        if (!data.path("resultType").asText().equals("matrix")) {
            throw problem("answered a " + data.path("resultType").asText("?") + " where a range query gives a matrix", null);
        }
        List<Series> out = new ArrayList<>();
        for (JsonNode series : data.path("result")) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : series.path("metric").properties()) {
                labels.put(e.getKey(), e.getValue().asText());
            }
            List<Series.Point> points = new ArrayList<>();
            for (JsonNode pair : series.path("values")) {
                double value = parse(pair.path(1).asText());
                if (!Double.isNaN(value)) {
                    long millis = Math.round(pair.path(0).asDouble() * 1000);
                    points.add(new Series.Point(Instant.ofEpochMilli(millis), value));
                }
            }
            out.add(new Series(labels, points));
        }
        return out;
    }

    private static double parse(String v) {
        return switch (v) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN", "" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    yield Double.NaN;
                }
            }
        };
    }

    private PrometheusException problem(String what, Throwable cause) {
        return new PrometheusException(redactor.redact("Prometheus at " + base + " " + what), cause);
    }

    static String seconds(Instant t) {
        return BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3).toPlainString();
    }

    static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis()).movePointLeft(3).toPlainString();
    }
}
