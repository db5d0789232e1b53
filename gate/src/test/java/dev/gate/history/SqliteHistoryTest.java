package dev.gate.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gate.suite.HistorySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history in a real SQLite file, the default: nothing to install. */
class SqliteHistoryTest extends HistoryStoreContract {
    @TempDir
    Path dir;

    @Override
    HistorySpec spec() {
        return HistorySpec.DEFAULT;
    }

    @Override
    Path cwd() {
        return dir;
    }

    @Test
    void theDefaultFileIsCreatedUnderDotGateOfTheWorkingFolder() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(HistorySpec.DEFAULT, dir, TIMEOUT)) {
            assertThat(db.where()).isEqualTo(dir.resolve(".gate/history.db").toString());
        }
        assertThat(Files.size(dir.resolve(".gate/history.db"))).isPositive();
    }

    @Test
    void aFileThatIsNotADatabaseIsAnErrorNamingIt() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "these are not the tables you are looking for, ".repeat(100));

        assertThatThrownBy(() -> HistoryDatabase.open(HistorySpec.sqlite(file), dir, TIMEOUT))
                .isInstanceOf(HistoryException.class)
                .satisfies(e -> assertThat(((HistoryException) e).where()).isEqualTo(file.toString()))
                .hasMessageContaining("not a database");
    }

    @Test
    void theNewestMigrationTheOpenerKnowsIsTheNewestShipped() throws Exception {
        Path migrations = Path.of(HistoryDatabase.class.getResource("/db/history").toURI());
        int newest;
        try (var files = Files.list(migrations)) {
            newest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }

        // a new migration with the constant left behind would never be applied to an existing history
        assertThat(HistoryDatabase.NEWEST_MIGRATION).isEqualTo(Integer.toString(newest));
    }

    @Test
    void aHistoryWhoseMigrationFailedIsLeftToFlywayWhichSaysSo() throws Exception {
        Path file = dir.resolve("h.db");
        try (HistoryDatabase db = HistoryDatabase.open(HistorySpec.sqlite(file), dir, TIMEOUT);
             var update = db.connection().createStatement()) {
            update.executeUpdate("UPDATE gate_schema_history SET success = 0");
        }

        assertThatThrownBy(() -> HistoryDatabase.open(HistorySpec.sqlite(file), dir, TIMEOUT))
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining("failed");
    }
}
