package dev.gate.act;

import dev.gate.checks.Artifact;
import dev.gate.checks.time.Durations;
import dev.gate.checks.Redactor;
import dev.gate.checks.Status;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.commit.Liveness;
import dev.gate.text.Slug;
import dev.gate.git.ChangedCommit;
import dev.gate.git.CommitRange;
import dev.gate.io.AtomicFiles;
import dev.gate.run.ActionRecord;
import dev.gate.checks.CheckResult;
import dev.gate.run.RunRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The post-mortem stub: the template ({@code playbooks/postmortem.md}, which teams may replace)
 * filled from the run record and the commit range. Written as
 * {@code YYYY-MM-DD-<suite>-<sha7>.md} and never over an earlier stub ({@code -2}, {@code -3}).
 */
public final class PostmortemWriter {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final Playbooks playbooks;
    private final Redactor redactor;

    public PostmortemWriter(Playbooks playbooks, Redactor redactor) {
        this.playbooks = playbooks;
        this.redactor = redactor;
    }

    /**
     * @param runDir where the run's folder is, for links; written relative to the stub's folder
     * @return the stub written
     */
    public Path write(RunRecord record, CommitRange.Result changes, Path folder, Path runDir) throws IOException {
        String text = render(record, changes, folder, runDir);
        String base = DAY.format(record.startedAt()) + "-" + Slug.of(record.suite().name()) + "-" + record.expectedCommit().shortHex();
        AtomicFiles.createFolders(folder);
        for (int n = 1; n < 1000; n++) {
            Path file = folder.resolve(base + (n == 1 ? "" : "-" + n) + ".md");
            if (AtomicFiles.writeNew(file, text)) {
                return file;
            }
        }
        throw new IOException("999 post-mortems for " + base + " already exist in " + folder);
    }

    String render(RunRecord r, CommitRange.Result changes, Path folder, Path runDir) {
        String template = playbooks.read("postmortem").orElse("# Post-mortem: {{title}}\n\n{{summary}}\n");
        String run = link(folder, runDir);
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("title", title(r));
        values.put("date", DAY.format(r.startedAt()));
        values.put("suite", r.suite().name());
        values.put("target", r.target());
        values.put("expected", r.expectedCommit().shortHex());
        values.put("previous", r.previousCommit().map(CommitId::shortHex).orElse("unknown"));
        values.put("run_dir", "[" + runDir.getFileName() + "](" + run + "/report.html)");
        values.put("summary", summary(r));
        values.put("impact", impact(r));
        values.put("timeline", timeline(r));
        values.put("commits", commits(changes));
        values.put("evidence", evidence(r, run));
        values.put("rollback", rollback(r));
        values.put("playbooks", runbooks(r, run));
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        return redactor.redact(out);
    }

    private static String title(RunRecord r) {
        return r.suite().name() + ": deploy of " + r.expectedCommit().shortHex() + " blocked";
    }

    private static String summary(RunRecord r) {
        List<String> lines = new ArrayList<>();
        lines.add("**Verdict:** " + r.verdict() + " — " + r.reason());
        lines.add("");
        for (CheckResult c : r.checks()) {
            if (c.status().isProblem()) {
                lines.add("- **" + c.id() + "** (" + c.kind() + ", " + c.status() + "): " + c.summary());
            }
        }
        return String.join("\n", lines);
    }

    private static String impact(RunRecord r) {
        Instant detected = r.decidedAt() == null ? r.finishedAt() : r.decidedAt();
        Instant live = r.startedAt();
        ActionRecord last = lastRollback(r);
        if (last != null && last.outcome().equals("succeeded")) {
            return "From the start of verification (" + TIME.format(live) + ", the release was already deployed) to the "
                    + "rollback confirmed at " + TIME.format(last.at()) + ": " + Durations.format(Duration.between(live, last.at()))
                    + ". First detection at " + TIME.format(detected) + ".";
        }
        String state = r.release() == Liveness.NEVER_LIVE ? "The release never went live, so users were not exposed to it."
                : "Not over when the gate finished: the rollback " + (last == null ? "did not run" : "was " + last.outcome()) + ".";
        return "First detection at " + TIME.format(detected) + ". " + state;
    }

    private static String timeline(RunRecord r) {
        List<String> lines = new ArrayList<>();
        lines.add("- " + TIME.format(r.startedAt()) + " verification of " + r.expectedCommit().shortHex() + " started");
        Instant t = r.startedAt();
        for (CheckResult c : r.checks()) {
            if (c.kind().equals("commit")) {
                t = r.startedAt().plusMillis(c.duration().toMillis());
                lines.add("- " + TIME.format(t) + " commit check " + c.status() + ": " + c.summary());
            }
        }
        if (r.decidedAt() != null) {
            lines.add("- " + TIME.format(r.decidedAt()) + " verdict " + r.verdict() + ": " + r.reason());
        }
        for (ActionRecord a : r.actions()) {
            lines.add("- " + TIME.format(a.at()) + " " + a.kind() + " " + a.outcome() + ": " + a.summary());
        }
        lines.add("- " + TIME.format(r.finishedAt()) + " gate finished, exit " + r.exitStatus());
        return String.join("\n", lines);
    }

    private static String commits(CommitRange.Result changes) {
        List<String> lines = new ArrayList<>();
        for (ChangedCommit c : changes.commits()) {
            lines.add("- `" + c.shortSha() + "` " + c.subject().replace("\n", " ") + " — " + c.author() + ", "
                    + DAY.format(c.date()) + (c.merge() ? " (merge)" : ""));
            for (String f : c.files()) {
                lines.add("  - `" + f + "`");
            }
            if (c.moreFiles() > 0) {
                lines.add("  - … and " + c.moreFiles() + " more files");
            }
        }
        if (lines.isEmpty()) {
            lines.add("No commits could be listed.");
        }
        for (String note : changes.notes()) {
            lines.add("");
            lines.add("> Note: " + note);
        }
        return String.join("\n", lines);
    }

    private static String evidence(RunRecord r, String run) {
        List<String> lines = new ArrayList<>();
        lines.add("- Report: [report.html](" + run + "/report.html) · record: [result.json](" + run + "/result.json)");
        for (CheckResult c : r.checks()) {
            if (c.status() == Status.PASS) {
                continue;
            }
            lines.add("- **" + c.id() + "** " + c.status() + ": " + c.summary());
            c.details().stream().limit(10).forEach(d -> lines.add("  - " + d));
            for (Artifact a : c.artifacts()) {
                lines.add("  - " + a.kind() + ": [" + a.path() + "](" + run + "/" + a.path() + ")");
            }
        }
        return String.join("\n", lines);
    }

    private static String rollback(RunRecord r) {
        List<String> lines = new ArrayList<>();
        for (ActionRecord a : r.actions()) {
            if (a.kind().equals("rollback")) {
                lines.add("- " + TIME.format(a.at()) + " " + a.outcome() + ": " + a.summary());
                a.details().forEach(d -> lines.add("  - " + d));
            }
        }
        return lines.isEmpty() ? "No rollback was run." : String.join("\n", lines);
    }

    private static String runbooks(RunRecord r, String run) {
        Set<String> names = new LinkedHashSet<>();
        r.checks().stream().filter(c -> c.status() != Status.PASS && !c.playbook().isEmpty()).forEach(c -> names.add(c.playbook()));
        ActionRecord last = lastRollback(r);
        if (last != null && !last.outcome().equals("succeeded") && !last.outcome().equals("skipped")) {
            names.add("rollback-failed");
        }
        if (names.isEmpty()) {
            return "None.";
        }
        List<String> lines = new ArrayList<>();
        names.forEach(n -> lines.add("- [" + n + "](" + run + "/playbooks/" + n + ".md)"));
        return String.join("\n", lines);
    }

    private static ActionRecord lastRollback(RunRecord r) {
        ActionRecord last = null;
        for (ActionRecord a : r.actions()) {
            if (a.kind().equals("rollback")) {
                last = a;
            }
        }
        return last;
    }

    private static String link(Path from, Path to) {
        try {
            String relative = from.toAbsolutePath().normalize().relativize(to.toAbsolutePath().normalize()).toString().replace('\\', '/');
            // a stub inside the run folder links "./report.html", not "/report.html"
            return relative.isEmpty() ? "." : relative;
        } catch (IllegalArgumentException e) {
            return to.toAbsolutePath().toString();
        }
    }


}
