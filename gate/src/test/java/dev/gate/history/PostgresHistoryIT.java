package dev.gate.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gate.realstack.LocalNginx;
import dev.gate.realstack.LocalPostgres;
import dev.gate.suite.HistorySpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same history on a real PostgreSQL server, started for these tests from Debian's package. */
class PostgresHistoryIT extends HistoryStoreContract {
    static LocalPostgres pg;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        pg = LocalPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    /** Each test starts from an empty database: Flyway creates the schema again. */
    @BeforeEach
    void empty() throws Exception {
        try (Connection c = DriverManager.getConnection(pg.url(), LocalPostgres.USER, LocalPostgres.PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }

    @Override
    HistorySpec spec() {
        return HistorySpec.postgres(pg.url(), Optional.of(LocalPostgres.USER), Optional.of(LocalPostgres.PASSWORD));
    }

    @Override
    Path cwd() {
        return dir;
    }

    @Test
    void theSchemaIsFlywaysOwnInItsOwnTable() throws Exception {
        HistoryDatabase.open(spec(), dir, TIMEOUT).close();
        try (Connection c = DriverManager.getConnection(pg.url(), LocalPostgres.USER, LocalPostgres.PASSWORD);
             Statement s = c.createStatement();
             var r = s.executeQuery("SELECT version, success FROM gate_schema_history WHERE version IS NOT NULL")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("1");
            assertThat(r.getBoolean(2)).isTrue();
        }
    }

    @Test
    void aWrongPasswordIsAnErrorThatNamesTheDatabaseAndNeverThePassword() {
        String wrong = "not-the-Password-41";
        HistorySpec bad = HistorySpec.postgres(pg.url(), Optional.of(LocalPostgres.USER), Optional.of(wrong));

        assertThatThrownBy(() -> HistoryDatabase.open(bad, dir, TIMEOUT))
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining("password authentication failed")
                .satisfies(e -> {
                    assertThat(((HistoryException) e).where()).isEqualTo("postgresql://127.0.0.1:" + pg.port() + "/gate");
                    assertThat(e.getMessage()).doesNotContain(wrong);
                });
    }

    @Test
    void aServerThatIsDownIsAnErrorWithinTheTimeout() throws Exception {
        int closed = LocalNginx.freePort();
        HistorySpec down = HistorySpec.postgres("jdbc:postgresql://127.0.0.1:" + closed + "/gate", Optional.of("gate"),
                Optional.of(LocalPostgres.PASSWORD));

        assertThatThrownBy(() -> HistoryDatabase.open(down, dir, TIMEOUT))
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining("refused")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(LocalPostgres.PASSWORD));
    }
}
