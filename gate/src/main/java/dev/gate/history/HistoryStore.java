package dev.gate.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Writes runs into the history and reads deploys back, on SQLite and PostgreSQL alike. */
public final class HistoryStore {
    private final HistoryDatabase db;
    private final int statementSeconds;

    public HistoryStore(HistoryDatabase db, Duration timeout) {
        this.db = db;
        this.statementSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds() * 3));
    }

    /**
     * Writes one run in one transaction: all of it lands, or none.
     *
     * @return the run's id in the history
     */
    public String record(RunEntry e) throws HistoryException {
        String id = UUID.randomUUID().toString();
        Connection c = db.connection();
        try {
            c.setAutoCommit(false);
            try {
                insertRun(c, id, e);
                for (CheckRow k : e.checks()) {
                    try (PreparedStatement s = prepare(c, "INSERT INTO run_checks (run_id, check_id, kind, status, duration_ms, summary) VALUES (?, ?, ?, ?, ?, ?)")) {
                        s.setString(1, id);
                        s.setString(2, k.checkId());
                        s.setString(3, k.kind());
                        s.setString(4, k.status());
                        s.setLong(5, k.durationMs());
                        s.setString(6, k.summary());
                        s.executeUpdate();
                    }
                }
                for (EndpointStats p : e.endpoints()) {
                    try (PreparedStatement s = prepare(c, "INSERT INTO run_endpoints (run_id, endpoint_id, label, n, median_ms, p90_ms, p95_ms, log_mean, log_sd) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        s.setString(1, id);
                        s.setString(2, p.endpointId());
                        s.setString(3, p.label());
                        s.setInt(4, p.n());
                        s.setDouble(5, p.medianMs());
                        s.setDouble(6, p.p90Ms());
                        s.setDouble(7, p.p95Ms());
                        s.setDouble(8, p.logMean());
                        s.setDouble(9, p.logSd());
                        s.executeUpdate();
                    }
                }
                for (PageStats p : e.pages()) {
                    insertPage(c, id, p);
                }
                c.commit();
            } catch (SQLException | RuntimeException ex) {
                c.rollback();
                throw ex;
            } finally {
                c.setAutoCommit(true);
            }
            return id;
        } catch (SQLException ex) {
            throw new HistoryException(db.where(), ex);
        }
    }

    private void insertRun(Connection c, String id, RunEntry e) throws SQLException {
        try (PreparedStatement s = prepare(c, "INSERT INTO runs (id, suite, kind, target, shard, expected_commit, previous_commit, observed_commit, commit_subject, verdict, exit_status, reason, rollback, started_at, finished_at, run_folder) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, e.suite());
            s.setString(3, e.kind().word());
            s.setString(4, e.target());
            optional(s, 5, e.shard());
            optional(s, 6, e.expectedCommit());
            optional(s, 7, e.previousCommit());
            optional(s, 8, e.observedCommit());
            optional(s, 9, e.subject());
            optional(s, 10, e.verdict());
            s.setInt(11, e.exitStatus());
            s.setString(12, e.reason());
            s.setString(13, e.rollback());
            s.setLong(14, e.startedAt().toEpochMilli());
            s.setLong(15, e.finishedAt().toEpochMilli());
            optional(s, 16, e.runFolder());
            s.executeUpdate();
        }
    }

    private void insertPage(Connection c, String id, PageStats p) throws SQLException {
        try (PreparedStatement s = prepare(c, "INSERT INTO run_pages (run_id, page_id, bytes, requests, lcp_ms, dom_nodes) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, p.pageId());
            if (p.bytes().isPresent()) {
                s.setLong(3, p.bytes().get());
            } else {
                s.setNull(3, Types.BIGINT);
            }
            if (p.requests().isPresent()) {
                s.setInt(4, p.requests().get());
            } else {
                s.setNull(4, Types.INTEGER);
            }
            if (p.lcpMs().isPresent()) {
                s.setDouble(5, p.lcpMs().get());
            } else {
                s.setNull(5, Types.DOUBLE);
            }
            if (p.domNodes().isPresent()) {
                s.setInt(6, p.domNodes().get());
            } else {
                s.setNull(6, Types.INTEGER);
            }
            s.executeUpdate();
        }
        for (Map.Entry<String, PageStats.ResourceWeight> w : p.byType().entrySet()) {
            try (PreparedStatement s = prepare(c, "INSERT INTO run_page_resources (run_id, page_id, resource_type, bytes, requests) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, p.pageId());
                s.setString(3, w.getKey());
                s.setLong(4, w.getValue().bytes());
                s.setInt(5, w.getValue().requests());
                s.executeUpdate();
            }
        }
    }

    /** The suite's last {@code limit} deploys (verifications and merges, not shards), oldest first. */
    public List<Deploy> deploys(String suite, int limit) throws HistoryException {
        return deploys(suite, limit, true);
    }

    /**
     * The same; without {@code withPages} their pages are not read, which the trip-wire, on the
     * verify's way to its first probe, does not need.
     */
    public List<Deploy> deploys(String suite, int limit, boolean withPages) throws HistoryException {
        try {
            Connection c = db.connection();
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement s = prepare(c, "SELECT id, expected_commit, previous_commit, commit_subject, verdict, rollback, reason, finished_at FROM runs WHERE suite = ? AND kind IN ('verify', 'merge') AND shard IS NULL ORDER BY finished_at DESC, id DESC LIMIT ?")) {
                s.setString(1, suite);
                s.setInt(2, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(new Row(r.getString(1), Optional.ofNullable(r.getString(2)), Optional.ofNullable(r.getString(3)),
                                Optional.ofNullable(r.getString(4)), Optional.ofNullable(r.getString(5)), r.getString(6),
                                r.getString(7), Instant.ofEpochMilli(r.getLong(8))));
                    }
                }
            }
            Collections.reverse(rows);
            Map<String, Map<String, EndpointStats>> endpoints = endpoints(c, rows);
            Map<String, Map<String, PageStats>> pages = withPages ? pages(c, rows) : Map.of();
            List<Deploy> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new Deploy(r.id, r.commit, r.previous, r.subject, r.verdict, r.rollback, r.reason, r.finishedAt,
                        endpoints.getOrDefault(r.id, Map.of()), pages.getOrDefault(r.id, Map.of())));
            }
            return out;
        } catch (SQLException ex) {
            throw new HistoryException(db.where(), ex);
        }
    }

    /** How many runs of each kind the suite has, for the table's header. */
    public int countRuns(String suite) throws HistoryException {
        try (PreparedStatement s = prepare(db.connection(), "SELECT COUNT(*) FROM runs WHERE suite = ?")) {
            s.setString(1, suite);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        } catch (SQLException ex) {
            throw new HistoryException(db.where(), ex);
        }
    }

    private Map<String, Map<String, EndpointStats>> endpoints(Connection c, List<Row> rows) throws SQLException {
        Map<String, Map<String, EndpointStats>> out = new HashMap<>();
        for (List<Row> chunk : chunks(rows)) {
            try (PreparedStatement s = prepare(c, "SELECT run_id, endpoint_id, label, n, median_ms, p90_ms, p95_ms, log_mean, log_sd FROM run_endpoints WHERE run_id IN (" + marks(chunk.size()) + ") ORDER BY endpoint_id")) {
                bind(s, chunk);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.computeIfAbsent(r.getString(1), k -> new LinkedHashMap<>()).put(r.getString(2),
                                new EndpointStats(r.getString(2), r.getString(3), r.getInt(4), r.getDouble(5), r.getDouble(6),
                                        r.getDouble(7), r.getDouble(8), r.getDouble(9)));
                    }
                }
            }
        }
        return out;
    }

    private Map<String, Map<String, PageStats>> pages(Connection c, List<Row> rows) throws SQLException {
        Map<String, Map<String, Map<String, PageStats.ResourceWeight>>> weights = new HashMap<>();
        Map<String, Map<String, PageStats>> out = new HashMap<>();
        for (List<Row> chunk : chunks(rows)) {
            try (PreparedStatement s = prepare(c, "SELECT run_id, page_id, resource_type, bytes, requests FROM run_page_resources WHERE run_id IN (" + marks(chunk.size()) + ")")) {
                bind(s, chunk);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        weights.computeIfAbsent(r.getString(1), k -> new HashMap<>())
                                .computeIfAbsent(r.getString(2), k -> new LinkedHashMap<>())
                                .put(r.getString(3), new PageStats.ResourceWeight(r.getLong(4), r.getInt(5)));
                    }
                }
            }
            try (PreparedStatement s = prepare(c, "SELECT run_id, page_id, bytes, requests, lcp_ms, dom_nodes FROM run_pages WHERE run_id IN (" + marks(chunk.size()) + ") ORDER BY page_id")) {
                bind(s, chunk);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String run = r.getString(1);
                        String page = r.getString(2);
                        long bytes = r.getLong(3);
                        Optional<Long> b = r.wasNull() ? Optional.empty() : Optional.of(bytes);
                        int requests = r.getInt(4);
                        Optional<Integer> q = r.wasNull() ? Optional.empty() : Optional.of(requests);
                        double lcp = r.getDouble(5);
                        Optional<Double> l = r.wasNull() ? Optional.empty() : Optional.of(lcp);
                        int nodes = r.getInt(6);
                        Optional<Integer> n = r.wasNull() ? Optional.empty() : Optional.of(nodes);
                        out.computeIfAbsent(run, k -> new LinkedHashMap<>()).put(page, new PageStats(page, b, q, l, n,
                                weights.getOrDefault(run, Map.of()).getOrDefault(page, Map.of())));
                    }
                }
            }
        }
        return out;
    }

    private PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        s.setQueryTimeout(statementSeconds);
        return s;
    }

    private static void optional(PreparedStatement s, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            s.setString(index, value.get());
        } else {
            s.setNull(index, Types.VARCHAR);
        }
    }

    private static List<List<Row>> chunks(List<Row> rows) {
        List<List<Row>> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += 200) {
            out.add(rows.subList(i, Math.min(rows.size(), i + 200)));
        }
        return out;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement s, List<Row> rows) throws SQLException {
        for (int i = 0; i < rows.size(); i++) {
            s.setString(i + 1, rows.get(i).id);
        }
    }

    private record Row(String id, Optional<String> commit, Optional<String> previous, Optional<String> subject,
                       Optional<String> verdict, String rollback, String reason, Instant finishedAt) {
    }
}
