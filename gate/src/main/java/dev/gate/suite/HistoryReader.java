package dev.gate.suite;

import dev.gate.checks.Severity;
import dev.gate.checks.trend.TripwireSpec;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code history:} (where the deploy history lives: {@code off}, {@code { path: FILE }} or
 * {@code { url: jdbc:postgresql://…, user, password }}) and {@code tripwire:}.
 */
final class HistoryReader {
    private HistoryReader() {
    }

    /** The history, and the password, which is a secret even when written in the suite itself. */
    record Section(HistorySpec spec, Set<String> secrets) {
    }

    static Section history(SuiteNode node, Path folder) {
        if (!node.isMap()) {
            Optional<String> word = node.text();
            if (word.isPresent() && (word.get().equals("off") || word.get().equals("false"))) {
                return new Section(HistorySpec.OFF, Set.of());
            }
            word.ifPresent(w -> node.problem("expected off, or a map with \"path\" (an SQLite file) or \"url\" (jdbc:postgresql://…), got \"" + w + "\""));
            return new Section(HistorySpec.DEFAULT, Set.of());
        }
        Optional<Path> path = node.get("path").flatMap(SuiteNode::text).map(folder::resolve);
        Optional<String> url = node.get("url").flatMap(n -> n.text().filter(u -> {
            if (!u.startsWith("jdbc:postgresql://")) {
                n.problem("\"" + u + "\" is not a jdbc:postgresql:// URL; for an SQLite file use \"path\"");
                return false;
            }
            return true;
        }));
        Optional<String> user = node.get("user").flatMap(SuiteNode::text);
        Optional<String> password = node.get("password").flatMap(SuiteNode::text);
        node.rejectUnknownKeys();
        if (path.isPresent() && node.has("url")) {
            node.problem("give either \"path\" (an SQLite file) or \"url\" (PostgreSQL), not both");
        }
        if (url.isEmpty() && (user.isPresent() || password.isPresent()) && !node.has("url")) {
            node.problem("\"user\" and \"password\" are for a PostgreSQL \"url\"");
        }
        Set<String> secrets = password.map(Set::of).orElse(Set.of());
        if (url.isPresent()) {
            return new Section(HistorySpec.postgres(url.get(), user, password), secrets);
        }
        return new Section(path.map(HistorySpec::sqlite).orElse(HistorySpec.DEFAULT), secrets);
    }

    static TripwireSpec tripwire(SuiteNode node) {
        TripwireSpec d = TripwireSpec.DEFAULT;
        if (!node.expectMap()) {
            return d;
        }
        int deploys = node.get("deploys").flatMap(n -> n.integer(TripwireSpec.MIN_DEPLOYS, 1000)).orElse(d.deploys());
        double sigma = node.get("sigma").flatMap(n -> n.text().flatMap(t -> {
            try {
                double v = Double.parseDouble(t.trim());
                if (!(v >= 1 && v <= 20)) {
                    n.problem("must be between 1 and 20 standard deviations, got " + t);
                    return Optional.empty();
                }
                return Optional.of(v);
            } catch (NumberFormatException e) {
                n.problem("expected a number of standard deviations such as 3, got \"" + t + "\"");
                return Optional.empty();
            }
        })).orElse(d.sigma());
        Severity action = node.get("action").flatMap(n -> n.oneOf(Severity.class)).orElse(d.action());
        node.rejectUnknownKeys();
        return new TripwireSpec(deploys, sigma, action);
    }
}
