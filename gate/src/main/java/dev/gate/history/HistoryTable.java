package dev.gate.history;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The terminal's table of the last deploys: when, commit, verdict, rolled back, an endpoint's median. */
public final class HistoryTable {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private HistoryTable() {
    }

    public static List<String> lines(HistoryView view) {
        List<String> out = new ArrayList<>();
        out.add("gate history · " + view.suite() + " · " + view.database() + " · " + view.deploys().size()
                + (view.deploys().size() == 1 ? " deploy" : " deploys"));
        if (view.deploys().isEmpty()) {
            out.add("No deploys of \"" + view.suite() + "\" are recorded yet: each gate verify records one.");
            return out;
        }
        String column = view.endpoint().map(e -> e + " median (p95)").orElse("slowest endpoint: median (p95)");
        out.add(String.format(Locale.ROOT, "%-16s  %-7s  %-7s  %-11s  %s", "when (UTC)", "commit", "verdict", "rolled back", column));
        for (Deploy d : view.deploys()) {
            String latency = view.shown(d).map(s -> (view.endpoint().isPresent() ? "" : s.endpointId() + " ")
                    + ms(s.medianMs()) + " (" + ms(s.p95Ms()) + ")").orElse("-");
            out.add(String.format(Locale.ROOT, "%-16s  %-7s  %-7s  %-11s  %s", WHEN.format(d.finishedAt()), d.shortCommit(),
                    d.verdict().orElse("-"), rollback(d), latency));
        }
        return out;
    }

    private static String rollback(Deploy d) {
        return switch (d.rollback()) {
            case "confirmed" -> "yes";
            case "not-confirmed" -> "FAILED";
            default -> "-";
        };
    }

    static String ms(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f ms", v) : String.format(Locale.ROOT, "%.1f ms", v);
    }
}
