package dev.gate.report;

import dev.gate.checks.time.Durations;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Redactor;
import dev.gate.run.RunRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The table of checks and the one-line verdict printed at the end of a run. */
public final class FinalTable {
    private static final int SUMMARY_WIDTH = 110;

    private FinalTable() {
    }

    /**
     * @param redactor the suite's: the record is redacted already, but a summary is cut here, and
     *                 only masking before the cut keeps a secret from leaving its first characters
     */
    public static List<String> render(RunRecord record, Style style, String runDir, Redactor redactor) {
        List<String> lines = new ArrayList<>();
        int idWidth = Math.max(5, record.checks().stream().mapToInt(c -> c.id().length()).max().orElse(5));
        lines.add("");
        lines.add(style.bold(pad("CHECK", idWidth) + "  STATUS  TIME     SUMMARY"));
        for (CheckResult c : record.checks()) {
            lines.add(pad(c.id(), idWidth) + "  " + style.status(c.status()) + "   "
                    + pad(Durations.format(Duration.ofMillis(c.duration().toMillis())), 7) + "  " + redactor.cut(c.summary(), SUMMARY_WIDTH - 1));
            if (!c.playbook().isEmpty() && c.status().isProblem()) {
                lines.add(pad("", idWidth) + "                   " + style.dim("runbook: " + runDir + "/playbooks/" + c.playbook() + ".md"));
            }
        }
        lines.add("");
        lines.add(style.verdict(record.verdict()) + "  " + record.reason());
        lines.add(style.dim("exit " + record.exitStatus() + " · report: " + runDir));
        return lines;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
