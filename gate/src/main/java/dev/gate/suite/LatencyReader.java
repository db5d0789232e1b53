package dev.gate.suite;

import dev.gate.text.Closest;
import dev.gate.checks.api.ApiSpec;
import dev.gate.checks.latency.LatencySpec;
import dev.gate.checks.latency.WarmUp;
import dev.gate.checks.page.PageSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads {@code latency:}; every endpoint and budget must name a page or API of the suite. */
final class LatencyReader {
    static final Set<String> PERCENTILES = Set.of("p50", "p90", "p95", "p99");
    private static final Pattern MILLISECONDS = Pattern.compile("(\\d{1,6}(?:\\.\\d{1,3})?)\\s*(?:ms)?");

    private LatencyReader() {
    }

    private static boolean needsSession(String id, List<PageSpec> pages, List<ApiSpec> apis) {
        return pages.stream().anyMatch(p -> p.id().equals(id) && p.auth())
                || apis.stream().anyMatch(a -> a.id().equals(id) && a.session());
    }

    static LatencySpec read(SuiteNode l, List<PageSpec> pages, List<ApiSpec> apis) {
        LatencySpec d = LatencySpec.NONE;
        if (!l.expectMap()) {
            return d;
        }
        List<String> known = Stream.concat(pages.stream().map(PageSpec::id), apis.stream().map(ApiSpec::id)).toList();
        List<String> endpoints = new ArrayList<>();
        l.get("endpoints").ifPresent(list -> {
            for (SuiteNode item : list.items(true)) {
                item.text().ifPresent(id -> {
                    if (!known.contains(id)) {
                        item.problem("\"" + id + "\" names no page or API of this suite" + Closest.hint(id, known));
                    } else if (needsSession(id, pages, apis)) {
                        // its samples would time the login redirect or the 401, not the endpoint
                        item.problem("latency cannot sample auth: session APIs or auth: true pages yet: \"" + id
                                + "\" needs the login's session, which latency samples are sent without; sample an endpoint that needs no login");
                    } else if (endpoints.contains(id)) {
                        item.problem("\"" + id + "\" is listed twice");
                    } else {
                        endpoints.add(id);
                    }
                });
            }
        });
        int samples = l.get("samples").flatMap(n -> n.integer(5, 10_000)).orElse(d.samples());
        int maxSamples = Math.max(samples, d.maxSamples());
        var max = l.get("max_samples");
        if (max.isPresent()) {
            maxSamples = max.get().integer(5, 100_000).orElse(maxSamples);
            if (maxSamples < samples) {
                max.get().problem("max_samples (" + maxSamples + ") must be at least samples (" + samples + ")");
                maxSamples = samples;
            }
        }
        int round = l.get("round").flatMap(n -> n.integer(2, 1_000)).orElse(d.roundSize());
        int confirm = l.get("confirm").flatMap(LatencyReader::confirm).orElse(d.confirmSamples());
        WarmUp warmup = l.get("warmup").map(LatencyReader::warmUp).orElse(d.warmup());
        double minEffect = l.get("min_effect").flatMap(n -> n.proportion(true)).orElse(d.minEffect());
        double minDeltaMs = l.get("min_delta").flatMap(LatencyReader::milliseconds).orElse(d.minDeltaMs());
        double confidence = l.get("confidence").flatMap(n -> n.proportion(false)).orElse(d.confidence());
        LatencySpec.Inconclusive inconclusive = l.get("inconclusive")
                .flatMap(n -> n.oneOf(LatencySpec.Inconclusive.class)).orElse(d.inconclusive());
        Map<String, Map<String, Duration>> budgets = new LinkedHashMap<>();
        l.get("budgets").ifPresent(b -> b.entries().forEach((id, limits) -> {
            if (!known.contains(id)) {
                limits.problem("\"" + id + "\" names no page or API of this suite" + Closest.hint(id, known));
                return;
            }
            Map<String, Duration> perPercentile = new LinkedHashMap<>();
            limits.entries().forEach((p, v) -> {
                if (!PERCENTILES.contains(p)) {
                    v.problem("unknown percentile \"" + p + "\"; use one of p50, p90, p95, p99" + Closest.hint(p, PERCENTILES));
                    return;
                }
                v.duration().ifPresent(dur -> perPercentile.put(p, dur));
            });
            budgets.put(id, perPercentile);
        }));
        l.rejectUnknownKeys();
        return new LatencySpec(endpoints, samples, maxSamples, round, confirm, warmup, minEffect, minDeltaMs, confidence,
                inconclusive, budgets);
    }

    /** Fresh samples to confirm a block: 0 for none, otherwise at least 2 to compare. */
    private static Optional<Integer> confirm(SuiteNode n) {
        Optional<Integer> count = n.integer(0, 10_000);
        if (count.isPresent() && count.get() == 1) {
            n.problem("must be 0 (no confirmation) or at least 2, got 1");
            return Optional.empty();
        }
        return count;
    }

    /** Milliseconds, fractions allowed and 0 turning the floor off: {@code 2ms}, {@code 0.5ms}, {@code 0}. */
    private static Optional<Double> milliseconds(SuiteNode n) {
        return n.text().flatMap(t -> {
            Matcher m = MILLISECONDS.matcher(t.trim());
            if (!m.matches()) {
                n.problem("expected milliseconds such as 2ms or 0.5ms, got \"" + t + "\"");
                return Optional.empty();
            }
            return Optional.of(Double.parseDouble(m.group(1)));
        });
    }

    /** A number is a fixed count, as before warming up until stable; {@code { min, max }} bounds the search. */
    private static WarmUp warmUp(SuiteNode n) {
        if (!n.isMap()) {
            return n.integer(0, 1_000).map(WarmUp::fixed).orElse(WarmUp.DEFAULT);
        }
        Optional<Integer> givenMin = n.get("min").flatMap(m -> m.integer(0, 1_000));
        Optional<Integer> givenMax = n.get("max").flatMap(m -> m.integer(0, 1_000));
        // the one not given follows the one given, so { max: 10 } means "at most 10", not an error
        int min = givenMin.orElse(Math.min(WarmUp.DEFAULT.min(), givenMax.orElse(WarmUp.DEFAULT.min())));
        int most = givenMax.orElse(Math.max(min, WarmUp.DEFAULT.max()));
        n.rejectUnknownKeys();
        if (most < min) {
            n.problem("max (" + most + ") must be at least min (" + min + ")");
            return WarmUp.DEFAULT;
        }
        return new WarmUp(min, most);
    }
}
