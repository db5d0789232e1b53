package dev.gate.report;

import dev.gate.checks.Artifact;
import dev.gate.checks.Attempt;
import dev.gate.checks.Status;
import dev.gate.checks.CheckResult;
import dev.gate.run.RunRecord;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code junit.xml}: the run in the form CI systems read (Jenkins' JUnit plugin, GitLab, GitHub
 * test-report actions, Azure). A {@code <testsuite>} per kind of check, a {@code <testcase>} per
 * check with the kind as its class name and the id as its name; FAIL is a {@code <failure>},
 * ERROR an {@code <error>} (the check could not run, which is what JUnit's error means).
 *
 * <p>WARN is a passing test case whose {@code <system-out>} carries the warning. Not
 * {@code <skipped>}: every reader takes skipped to mean "did not run", which a warning is not; a
 * warning does not block the deploy, so the test run should be as green as the gate's exit status;
 * and Jenkins and the GitHub reporters show a passing case's output next to it, so the warning is
 * still there for whoever opens it, starting with {@code WARN:}. A check that did not run because
 * the login it needs failed (SKIPPED) is a {@code <skipped>}, which is exactly what it means. (No per-testcase properties: the
 * Jenkins schema, which stricter readers validate against, does not allow them.)
 *
 * <p>A check the runner tried again is written the way Maven Surefire writes a rerun test
 * ({@code rerunFailingTestsCount}), which Surefire's own report parser, Jenkins and the GitHub
 * test-report actions read as flakes: a flaky check is a passing test case with a
 * {@code <flakyFailure>} (or {@code <flakyError>}) per failed attempt; a check that failed every
 * time has its {@code <failure>} (or {@code <error>}) and a {@code <rerunFailure>} (or
 * {@code <rerunError>}) per earlier attempt. Each carries the attempt's summary as {@code message},
 * its status as {@code type}, and its details in a {@code <stackTrace>}, where Surefire puts the
 * evidence of a run. Readers that know none of these skip them and see the case as before.
 */
public final class JUnitReport {
    public static final String FILE = "junit.xml";
    /** Jenkins' schema wants a local date-time without an offset; the run's times are UTC. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private JUnitReport() {
    }

    public static String render(RunRecord record) {
        Map<String, List<CheckResult>> byKind = new LinkedHashMap<>();
        for (CheckResult c : record.checks()) {
            byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c);
        }
        StringBuilder x = new StringBuilder(4096);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuites name=\"").append(attr("gate " + record.suite().name())).append('"')
                .append(counts(record.checks()))
                .append(" time=\"").append(seconds(record.checks().stream().mapToLong(c -> c.duration().toMillis()).sum())).append("\">\n");
        int n = 0;
        for (Map.Entry<String, List<CheckResult>> e : byKind.entrySet()) {
            suite(x, record, n++, e.getKey(), e.getValue());
        }
        x.append("</testsuites>\n");
        return x.toString();
    }

    private static void suite(StringBuilder x, RunRecord record, int n, String kind, List<CheckResult> checks) {
        x.append("  <testsuite name=\"").append(attr(kind)).append('"')
                .append(" id=\"").append(n).append('"')
                .append(counts(checks))
                .append(" skipped=\"").append(checks.stream().filter(c -> c.status() == Status.SKIPPED).count()).append('"')
                .append(" time=\"").append(seconds(checks.stream().mapToLong(c -> c.duration().toMillis()).sum())).append('"')
                .append(" timestamp=\"").append(TIMESTAMP.format(record.startedAt())).append('"')
                .append(" hostname=\"").append(attr(host(record.target()))).append("\">\n");
        x.append("    <properties>\n");
        property(x, "verdict", record.verdict().name());
        property(x, "target", record.target());
        property(x, "expected_commit", record.expectedCommit().hex());
        record.observedCommit().ifPresent(v -> property(x, "observed_commit", v.hex()));
        record.previousCommit().ifPresent(v -> property(x, "previous_commit", v.hex()));
        record.shard().ifPresent(v -> property(x, "shard", v));
        x.append("    </properties>\n");
        for (CheckResult c : checks) {
            testcase(x, c);
        }
        x.append("  </testsuite>\n");
    }

    private static void testcase(StringBuilder x, CheckResult c) {
        x.append("    <testcase classname=\"").append(attr(c.kind())).append("\" name=\"").append(attr(c.id()))
                .append("\" time=\"").append(seconds(c.duration().toMillis())).append('"');
        if (c.status() == Status.PASS && c.details().isEmpty() && c.artifacts().isEmpty()) {
            x.append("/>\n");
            return;
        }
        x.append(">\n");
        if (c.status().isProblem()) {
            String element = c.status() == Status.FAIL ? "failure" : "error";
            x.append("      <").append(element).append(" message=\"").append(attr(c.summary()))
                    .append("\" type=\"").append(c.status().name()).append("\">")
                    .append(Escaping.xml(body(c))).append("</").append(element).append(">\n");
        }
        for (Attempt a : c.earlierAttempts()) {
            if (a.status().isProblem()) {
                rerun(x, c.status().isProblem() ? "rerun" : "flaky", a);
            }
        }
        if (c.status() == Status.SKIPPED) {
            x.append("      <skipped message=\"").append(attr(c.summary())).append("\"/>\n");
        }
        if (!c.status().isProblem()) {
            String out = (c.status() == Status.WARN ? "WARN: " + c.summary() + "\n" : "") + body(c);
            x.append("      <system-out>").append(Escaping.xml(out)).append("</system-out>\n");
        }
        x.append("    </testcase>\n");
    }

    /** {@code <flakyFailure>}, {@code <rerunError>} and the like: one earlier attempt that failed. */
    private static void rerun(StringBuilder x, String prefix, Attempt a) {
        String element = prefix + (a.status() == Status.FAIL ? "Failure" : "Error");
        StringBuilder evidence = new StringBuilder();
        a.details().forEach(d -> evidence.append(d).append('\n'));
        a.artifacts().forEach(f -> evidence.append(f.kind()).append(": ").append(f.path()).append('\n'));
        x.append("      <").append(element).append(" message=\"").append(attr(a.summary()))
                .append("\" type=\"").append(a.status().name()).append("\">")
                .append("<stackTrace>").append(Escaping.xml(evidence.toString())).append("</stackTrace>")
                .append("</").append(element).append(">\n");
    }

    /** The details, then where to look next: the runbook and the artifacts. */
    private static String body(CheckResult c) {
        StringBuilder b = new StringBuilder();
        if (!c.name().isEmpty() && !c.name().equals(c.id())) {
            b.append(c.name()).append('\n');
        }
        c.details().forEach(d -> b.append(d).append('\n'));
        if (!c.playbook().isEmpty()) {
            b.append("runbook: playbooks/").append(c.playbook()).append(".md\n");
        }
        for (Artifact a : c.artifacts()) {
            b.append(a.kind()).append(": ").append(a.path()).append('\n');
        }
        return b.toString();
    }

    private static String counts(List<CheckResult> checks) {
        long failures = checks.stream().filter(c -> c.status() == Status.FAIL).count();
        long errors = checks.stream().filter(c -> c.status() == Status.ERROR).count();
        return " tests=\"" + checks.size() + "\" failures=\"" + failures + "\" errors=\"" + errors + "\"";
    }

    private static void property(StringBuilder x, String name, String value) {
        x.append("      <property name=\"").append(attr(name)).append("\" value=\"").append(attr(value)).append("\"/>\n");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String host(String target) {
        try {
            String h = java.net.URI.create(target).getHost();
            return h == null ? target : h;
        } catch (IllegalArgumentException e) {
            return target;
        }
    }

    private static String attr(String s) {
        return Escaping.xmlAttribute(s);
    }
}
