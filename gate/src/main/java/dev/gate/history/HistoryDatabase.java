package dev.gate.history;

import dev.gate.suite.HistorySpec;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * An open connection to the history, its schema migrated by Flyway from the same migrations for
 * SQLite and PostgreSQL. Every network wait is bounded: connecting, logging in, and each statement.
 */
public final class HistoryDatabase implements AutoCloseable {
    /** Flyway's own table, named so it cannot collide with a team's tables in a shared database. */
    private static final String SCHEMA_TABLE = "gate_schema_history";
    private static final String MIGRATIONS = "classpath:db/history";
    /**
     * The newest migration under {@code db/history}. A history already at it opens without Flyway,
     * whose start (class loading, scanning the jar for migrations) took ~1 s of every verify, against
     * ~40 ms for the one query that tells.
     */
    static final String NEWEST_MIGRATION = "1";
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Connection connection;
    private final String where;

    private HistoryDatabase(Connection connection, String where) {
        this.connection = connection;
        this.where = where;
    }

    /**
     * Opens and migrates the history this spec names.
     *
     * @param cwd     the folder the default SQLite file is under
     * @param timeout how long connecting and each statement may take
     * @throws HistoryException naming the database (never its password) and the cause in one line
     */
    public static HistoryDatabase open(HistorySpec spec, Path cwd, Duration timeout) throws HistoryException {
        String where = spec.describe(cwd);
        if (!spec.enabled()) {
            throw new HistoryException(where, "the history is turned off (history: off)");
        }
        try {
            if (spec.url().isPresent()) {
                return openPostgres(spec, where, timeout);
            }
            return openSqlite(spec.sqliteFile(cwd), where, timeout);
        } catch (SQLException | FlywayException | IOException e) {
            throw new HistoryException(where, e);
        }
    }

    private static HistoryDatabase openPostgres(HistorySpec spec, String where, Duration timeout) throws SQLException {
        String url = spec.url().orElseThrow();
        Properties props = new Properties();
        spec.user().ifPresent(u -> props.setProperty("user", u));
        spec.password().ifPresent(p -> props.setProperty("password", p));
        long seconds = Math.max(1, timeout.toSeconds());
        props.setProperty("connectTimeout", Long.toString(seconds));
        props.setProperty("loginTimeout", Long.toString(seconds));
        props.setProperty("socketTimeout", Long.toString(seconds * 3));
        props.setProperty("ApplicationName", "gate");
        // Flyway takes PostgreSQL's advisory lock, so two shards migrating at once wait for each other
        Connection c = DriverManager.getConnection(url, props);
        try {
            if (!current(c)) {
                Flyway.configure(HistoryDatabase.class.getClassLoader())
                        .dataSource(url + (url.contains("?") ? "&" : "?") + "connectTimeout=" + seconds + "&loginTimeout=" + seconds,
                                spec.user().orElse(null), spec.password().orElse(null))
                        .locations(MIGRATIONS).table(SCHEMA_TABLE).loggers("slf4j").connectRetries(0)
                        .load().migrate();
            }
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return new HistoryDatabase(c, where);
    }

    private static HistoryDatabase openSqlite(Path file, String where, Duration timeout)
            throws SQLException, IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String url = "jdbc:sqlite:" + file.toAbsolutePath() + "?busy_timeout=" + Math.max(1000, timeout.toMillis() * 3);
        Connection c = DriverManager.getConnection(url);
        if (current(c)) {
            return new HistoryDatabase(c, where);
        }
        c.close();
        // SQLite has no lock Flyway can take: two shards creating the schema at once would collide
        Path lockFile = file.toAbsolutePath().resolveSibling(file.getFileName() + ".migrate.lock");
        // a file lock keeps other processes out; Java refuses to take it twice in one process
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(lockFile, k -> new ReentrantLock());
        inProcess.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.lock();
            Flyway.configure(HistoryDatabase.class.getClassLoader())
                    .dataSource(url, null, null).locations(MIGRATIONS).table(SCHEMA_TABLE).loggers("slf4j")
                    .load().migrate();
            lock.release();
        } finally {
            inProcess.unlock();
        }
        return new HistoryDatabase(DriverManager.getConnection(url), where);
    }

    /**
     * Whether the schema is at the newest migration with none failed; a missing table, or anything
     * else unexpected, says no and leaves the answer to Flyway (which also reports a failed one).
     */
    private static boolean current(Connection c) {
        String sql = "SELECT SUM(CASE WHEN success THEN 0 ELSE 1 END), SUM(CASE WHEN version = ? AND success THEN 1 ELSE 0 END) FROM "
                + SCHEMA_TABLE;
        try (var statement = c.prepareStatement(sql)) {
            statement.setString(1, NEWEST_MIGRATION);
            try (var rows = statement.executeQuery()) {
                return rows.next() && rows.getLong(1) == 0 && !rows.wasNull() && rows.getLong(2) > 0;
            }
        } catch (SQLException e) {
            return false;
        }
    }

    Connection connection() {
        return connection;
    }

    /** The database as messages name it. */
    public String where() {
        return where;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing was pending: every write commits or rolls back before this
        }
    }
}
