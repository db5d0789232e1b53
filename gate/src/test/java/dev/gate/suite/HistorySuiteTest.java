package dev.gate.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gate.checks.Severity;
import dev.gate.checks.trend.TripwireSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistorySuiteTest {
    private static final Path FILE = Path.of("/work/site/suite.yaml");
    private static final String HEAD = "target: http://a.test\npages: [{ id: home, path: / }]\n";

    private static Suite parse(String yaml) throws SuiteException {
        return new SuiteLoader(Map.of("GATE_DB_PASSWORD", "pg-from-env-1")).parse(yaml, FILE);
    }

    private static List<String> messages(String yaml) {
        Throwable thrown = catchThrowable(() -> parse(yaml));
        assertThat(thrown).as("the suite's problems").isInstanceOf(SuiteException.class);
        return ((SuiteException) thrown).problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void withoutAKeyTheHistoryIsTheDefaultSqliteFileAndTheTripwireWarns() throws Exception {
        Suite suite = parse(HEAD);

        assertThat(suite.history()).isEqualTo(HistorySpec.DEFAULT);
        assertThat(suite.history().sqliteFile(Path.of("/ci/checkout"))).isEqualTo(Path.of("/ci/checkout/.gate/history.db"));
        assertThat(suite.tripwire()).isEqualTo(new TripwireSpec(20, 3.0, Severity.WARN));
    }

    @Test
    void aPathIsRelativeToTheSuiteAndOffTurnsItOff() throws Exception {
        assertThat(parse(HEAD + "history: { path: data/history.db }\n").history().file())
                .contains(Path.of("/work/site/data/history.db"));
        assertThat(parse(HEAD + "history: off\n").history().enabled()).isFalse();
    }

    @Test
    void aPostgresUrlTakesItsUserAndPasswordAndThePasswordIsASecretEvenWhenWrittenInTheSuite() throws Exception {
        Suite fromEnv = parse(HEAD + "history: { url: \"jdbc:postgresql://db:5432/gate\", user: gate, password: \"${env:GATE_DB_PASSWORD}\" }\n");
        assertThat(fromEnv.history()).isEqualTo(HistorySpec.postgres("jdbc:postgresql://db:5432/gate", Optional.of("gate"),
                Optional.of("pg-from-env-1")));
        assertThat(fromEnv.redactor().redact("login pg-from-env-1")).doesNotContain("pg-from-env-1");
        assertThat(fromEnv.history().describe(Path.of("/"))).isEqualTo("postgresql://db:5432/gate");

        Suite literal = parse(HEAD + "history: { url: \"jdbc:postgresql://db/gate?ssl=true\", user: gate, password: written-Here-9 }\n");
        assertThat(literal.redactor().redact("the password is written-Here-9")).doesNotContain("written-Here-9");
        assertThat(literal.history().describe(Path.of("/"))).isEqualTo("postgresql://db/gate");
    }

    @Test
    void theTripwireTakesItsThreeKeys() throws Exception {
        assertThat(parse(HEAD + "tripwire: { deploys: 30, sigma: 4.5, action: block }\n").tripwire())
                .isEqualTo(new TripwireSpec(30, 4.5, Severity.BLOCK));
        assertThat(parse(HEAD + "tripwire: { action: ignore }\n").tripwire().enabled()).isFalse();
    }

    @Test
    void badValuesNameTheirPlace() {
        assertThat(messages(HEAD + "history: { url: \"mysql://db/gate\" }\n"))
                .containsExactly("/work/site/suite.yaml:3:17: history.url: \"mysql://db/gate\" is not a jdbc:postgresql:// URL; for an SQLite file use \"path\"");
        assertThat(messages(HEAD + "history: { path: a.db, url: \"jdbc:postgresql://db/gate\" }\n"))
                .anySatisfy(m -> assertThat(m).contains("give either \"path\" (an SQLite file) or \"url\" (PostgreSQL), not both"));
        assertThat(messages(HEAD + "history: { paht: a.db }\n"))
                .anySatisfy(m -> assertThat(m).contains("unknown key \"paht\" in history; did you mean \"path\"?"));
        assertThat(messages(HEAD + "history: sometimes\n"))
                .anySatisfy(m -> assertThat(m).contains("history: expected off, or a map"));
        assertThat(messages(HEAD + "tripwire: { deploys: 3 }\n"))
                .anySatisfy(m -> assertThat(m).contains("tripwire.deploys: must be between 5 and 1000, got 3"));
        assertThat(messages(HEAD + "tripwire: { sigma: lots }\n"))
                .anySatisfy(m -> assertThat(m).contains("tripwire.sigma: expected a number of standard deviations such as 3, got \"lots\""));
        assertThat(messages(HEAD + "tripwire: { action: panic }\n"))
                .anySatisfy(m -> assertThat(m).contains("tripwire.action"));
    }
}
