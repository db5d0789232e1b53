package dev.gate.cli;

import dev.gate.history.Deploy;
import dev.gate.history.HistoryDatabase;
import dev.gate.history.HistoryException;
import dev.gate.history.HistoryPage;
import dev.gate.history.HistoryStore;
import dev.gate.history.HistoryTable;
import dev.gate.history.HistoryView;
import dev.gate.io.AtomicFiles;
import dev.gate.io.Io;
import dev.gate.io.Json;
import dev.gate.run.ExitStatus;
import dev.gate.suite.Suite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "The suite's last deploys from the deploy history: a table, JSON (--json), or one HTML page of trends (--html).")
final class HistoryCommand implements Callable<Integer> {
    /** The history could not be read: nothing is shown, and a script must not take that for "no deploys". */
    static final int UNREADABLE = 1;

    private final Io io;

    @Mixin
    SuiteOption suite = new SuiteOption();

    @Option(names = "--last", paramLabel = "N", description = "How many deploys to show (default: 30).")
    int last = 30;

    @Option(names = "--endpoint", paramLabel = "ID", description = "Show this latency endpoint (a page or API id of the suite) instead of the slowest.")
    Optional<String> endpoint = Optional.empty();

    @Option(names = "--html", paramLabel = "FILE", description = "Write one self-contained HTML page with a trend per endpoint and the page weight per key page.")
    Optional<Path> html = Optional.empty();

    @Option(names = "--json", description = "Print the deploys as JSON instead of the table.")
    boolean json;

    HistoryCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws InvalidInput {
        Suite s = new CommandInputs(io).suite(suite.file);
        if (last < 1 || last > 1000) {
            throw new InvalidInput("--last: must be between 1 and 1000, got " + last);
        }
        if (endpoint.isPresent() && s.page(endpoint.get()).isEmpty() && s.api(endpoint.get()).isEmpty()) {
            throw new InvalidInput("--endpoint: \"" + endpoint.get() + "\" names no page or API of the suite " + s.name());
        }
        if (!s.history().enabled()) {
            throw new InvalidInput(suite.file + ": the suite turns the history off (history: off)");
        }
        String where = s.redactor().redact(s.history().describe(io.cwd()));
        List<Deploy> deploys;
        try (HistoryDatabase db = HistoryDatabase.open(s.history(), io.cwd(), s.timeouts().request())) {
            deploys = new HistoryStore(db, s.timeouts().request()).deploys(s.name(), last);
        } catch (HistoryException e) {
            io.err().println(s.redactor().redact("gate: cannot read the deploy history at " + e.where() + ": " + e.getMessage()));
            return UNREADABLE;
        }
        HistoryView view = new HistoryView(s.name(), io.display(Path.of(where)), deploys, endpoint);
        if (html.isPresent()) {
            Path file = io.resolve(html.get());
            try {
                AtomicFiles.write(file, HistoryPage.html(view));
            } catch (IOException e) {
                io.err().println("gate: cannot write " + file + ": " + e.getMessage());
                return UNREADABLE;
            }
            io.out().println("Wrote the trends of " + deploys.size() + " deploys to " + io.display(file));
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("schema", "gate.history/1");
            doc.put("suite", s.name());
            doc.put("database", view.database());
            doc.put("deploys", deploys);
            try {
                io.out().println(s.redactor().redact(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc)));
            } catch (IOException e) {
                io.err().println("gate: cannot write the history as JSON: " + e.getMessage());
                return UNREADABLE;
            }
        } else if (html.isEmpty()) {
            HistoryTable.lines(view).forEach(line -> io.out().println(s.redactor().redact(line)));
        }
        return ExitStatus.PASS;
    }
}
