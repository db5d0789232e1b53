package dev.gate.checks.commit;

import dev.gate.checks.CheckContext;
import dev.gate.checks.time.Durations;
import dev.gate.checks.http.ProbeResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Polls the commit marker until the rollout converges or the timeout passes, the key pages of a
 * round read at once. Every request goes
 * on a fresh connection with a cache-busting parameter and {@code Cache-Control: no-cache}, so
 * each one can land on any instance behind the load balancer and no cache can answer for it.
 */
public final class CommitConvergence {
    /** The convergence reads ask every cache on the way for a fresh answer (with the cache-buster too). */
    private static final Map<String, String> PAST_CACHES = Map.of("Cache-Control", "no-cache", "Pragma", "no-cache",
            "User-Agent", "gate (commit check)");
    /** The read once live asks as a user does, so a cache keyed on the full URL answers from its store. */
    private static final Map<String, String> AS_A_USER = Map.of("User-Agent", "gate (commit check)");
    static final String CACHE_BUSTER = "_gate";
    /** Reads in flight at once: enough for a round of key pages, few enough not to load the site. */
    private static final int AT_ONCE = 8;

    private final CommitMarker marker;
    private final List<String> locations;
    private final ConvergeSpec spec;

    public CommitConvergence(CommitMarker marker, List<String> locations, ConvergeSpec spec) {
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("no location to read the commit from");
        }
        this.marker = marker;
        this.locations = List.copyOf(locations);
        this.spec = spec;
    }

    public Convergence await(CommitId expected, CheckContext context, String checkId) throws InterruptedException {
        Instant start = context.clock().instant();
        Instant deadline = start.plus(spec.timeout());
        Map<String, Tally> tallies = new LinkedHashMap<>();
        locations.forEach(l -> tallies.put(l, new Tally()));
        Optional<CommitId> servedBefore = Optional.empty();
        boolean expectedSeen = false;
        int rounds = 0;
        int inARow = 0;
        ExecutorService pool = readers();
        try {
            while (true) {
                rounds++;
                boolean allExpected = true;
                int round = rounds;
                List<MarkerReading> readings = readEach(pool,
                        locations.stream().map(l -> bust(context.resolve(l), round)).toList(), PAST_CACHES, context);
                for (int i = 0; i < locations.size(); i++) {
                    String location = locations.get(i);
                    MarkerReading reading = readings.get(i);
                    tallies.get(location).add(reading);
                    boolean match = reading.commit().map(c -> c.sameCommitAs(expected)).orElse(false);
                    if (match) {
                        if (!expectedSeen) {
                            context.progress().milestone(checkId, dev.gate.checks.Progress.RELEASE_SEEN);
                        }
                        expectedSeen = true;
                    } else {
                        allExpected = false;
                        if (!expectedSeen && servedBefore.isEmpty() && reading.commit().isPresent()) {
                            servedBefore = reading.commit();
                        }
                    }
                }
                inARow = allExpected ? inARow + 1 : 0;
                Instant now = context.clock().instant();
                if (inARow >= spec.consecutive()) {
                    return result(expected, Liveness.LIVE, rounds, Duration.between(start, now), tallies, servedBefore)
                            .withStaleToUsers(staleToUsers(pool, expected, context));
                }
                if (!now.isBefore(deadline)) {
                    return result(expected, classify(tallies, expected), rounds, Duration.between(start, now),
                            tallies, servedBefore);
                }
                context.progress().note(checkId, progressLine(expected, rounds, inARow, Duration.between(start, now)));
                Duration wait = spec.interval();
                Duration left = Duration.between(now, deadline);
                context.sleeper().sleep(wait.compareTo(left) < 0 ? wait : left);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One reading per location, as {@code gate baseline} needs to learn the live commit. */
    public Map<String, MarkerReading> readAll(CheckContext context) throws InterruptedException {
        ExecutorService pool = readers();
        List<MarkerReading> read;
        try {
            read = readEach(pool, locations.stream().map(l -> bust(context.resolve(l), 0)).toList(), PAST_CACHES, context);
        } finally {
            pool.shutdownNow();
        }
        Map<String, MarkerReading> readings = new LinkedHashMap<>();
        for (int i = 0; i < locations.size(); i++) {
            readings.put(locations.get(i), read.get(i));
        }
        return readings;
    }

    private String progressLine(CommitId expected, int rounds, int inARow, Duration elapsed) {
        return "waiting for " + expected.shortHex() + " on " + locations.size()
                + (locations.size() == 1 ? " location" : " locations") + ": round " + rounds + ", "
                + inARow + " of " + spec.consecutive() + " in a row, " + Durations.format(elapsed)
                + " of " + Durations.format(spec.timeout());
    }

    /**
     * One read of each key page exactly as a user asks for it. The busted reads cannot see a cache
     * keyed on the full URL (nginx's default key, Cloudflare's "Standard"): they always miss it.
     */
    private List<PlainRead> staleToUsers(ExecutorService pool, CommitId expected, CheckContext context)
            throws InterruptedException {
        List<PlainRead> stale = new java.util.ArrayList<>();
        List<MarkerReading> readings = readEach(pool, locations.stream().map(context::resolve).toList(), AS_A_USER, context);
        for (int i = 0; i < locations.size(); i++) {
            // a plain read that fails says nothing about a cache: the busted reads reached the page
            MarkerReading reading = readings.get(i);
            String location = locations.get(i);
            reading.commit().filter(c -> !c.sameCommitAs(expected))
                    .ifPresent(c -> stale.add(new PlainRead(location, c, reading.servedBy())));
        }
        return stale;
    }

    /**
     * Reads every URI at once, up to {@value #AT_ONCE} at a time, the answers in the order asked:
     * one after another, each on a connection of its own, a round of 10 key pages took half a
     * second of the deploy's wait. Each read is bounded by the probe's own deadline.
     */
    private List<MarkerReading> readEach(ExecutorService pool, List<URI> uris, Map<String, String> headers,
                                         CheckContext context) throws InterruptedException {
        List<Future<MarkerReading>> pending = new ArrayList<>();
        for (URI uri : uris) {
            pending.add(pool.submit(() -> read(uri, headers, context)));
        }
        List<MarkerReading> readings = new ArrayList<>();
        for (Future<MarkerReading> f : pending) {
            try {
                readings.add(f.get());
            } catch (ExecutionException e) {
                // what a read cannot answer it reports as a reading; anything else is the check's error, as before
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error error) {
                    // a runaway marker regex's StackOverflowError is reported by its own name, as on the caller's thread
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return readings;
    }

    /** The readers of one wait for the rollout, kept for all its rounds rather than started for each. */
    private ExecutorService readers() {
        return Executors.newFixedThreadPool(Math.min(AT_ONCE, locations.size()), r -> {
            Thread t = new Thread(r, "gate-commit-read");
            t.setDaemon(true);
            return t;
        });
    }

    private MarkerReading read(URI uri, Map<String, String> headers, CheckContext context) throws InterruptedException {
        try {
            ProbeResponse response = context.http().getFresh(uri, headers);
            ServedBy servedBy = ServedBy.of(response, spec.instanceHeader(), context.redactor());
            if (response.status() >= 400) {
                return MarkerReading.missing("HTTP " + response.status()).withServedBy(servedBy);
            }
            return new CommitMarkerReader(marker, context.redactor()).read(response).withServedBy(servedBy);
        } catch (IOException e) {
            return MarkerReading.unreachable(e.getMessage());
        }
    }

    static URI bust(URI uri, int round) {
        String s = uri.toString();
        String fragment = "";
        int hash = s.indexOf('#');
        if (hash >= 0) {
            fragment = s.substring(hash);
            s = s.substring(0, hash);
        }
        String sep = s.contains("?") ? "&" : "?";
        return URI.create(s + sep + CACHE_BUSTER + "=" + System.nanoTime() + "-" + round + fragment);
    }

    private static Liveness classify(Map<String, Tally> tallies, CommitId expected) {
        boolean anyExpected = false;
        boolean anyCommit = false;
        for (Tally t : tallies.values()) {
            for (String hex : t.commits.keySet()) {
                anyCommit = true;
                if (new CommitId(hex).sameCommitAs(expected)) {
                    anyExpected = true;
                }
            }
        }
        if (anyExpected) {
            return Liveness.PARTLY_LIVE;
        }
        return anyCommit ? Liveness.NEVER_LIVE : Liveness.UNKNOWN;
    }

    private Convergence result(CommitId expected, Liveness liveness, int rounds, Duration elapsed,
                               Map<String, Tally> tallies, Optional<CommitId> servedBefore) {
        List<LocationTally> list = tallies.entrySet().stream()
                .map(e -> new LocationTally(e.getKey(), e.getValue().commits, e.getValue().problems, e.getValue().servedBy))
                .toList();
        Optional<CommitId> observed = liveness == Liveness.LIVE ? Optional.of(expected) : mostServed(tallies);
        return new Convergence(expected, liveness, rounds, elapsed, observed, servedBefore, list, List.of());
    }

    private static Optional<CommitId> mostServed(Map<String, Tally> tallies) {
        Map<String, Integer> total = new LinkedHashMap<>();
        tallies.values().forEach(t -> t.commits.forEach((k, v) -> total.merge(k, v, Integer::sum)));
        return total.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(e -> new CommitId(e.getKey()));
    }

    private static final class Tally {
        final Map<String, Integer> commits = new LinkedHashMap<>();
        final Map<String, Integer> problems = new LinkedHashMap<>();
        final Map<String, ServedByTally> servedBy = new LinkedHashMap<>();

        void add(MarkerReading reading) {
            if (reading.commit().isPresent()) {
                commits.merge(reading.commit().get().hex(), 1, Integer::sum);
                servedBy.merge(reading.commit().get().hex(), ServedByTally.NONE.plus(reading.servedBy()),
                        (was, one) -> was.plus(reading.servedBy()));
            } else {
                problems.merge(reading.problem(), 1, Integer::sum);
            }
        }
    }
}
