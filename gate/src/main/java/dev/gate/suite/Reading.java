package dev.gate.suite;

import dev.gate.checks.Redactor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;

/**
 * The state of reading one suite file: where problems are collected (all of them, not just the
 * first), the environment {@code ${env:NAME}} takes values from, and the secrets that came from it.
 */
final class Reading {
    private static final Pattern ENV = Pattern.compile("\\$\\{env:([^}]*)}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern UNCLOSED = Pattern.compile("\\$\\{env:([A-Za-z0-9_]*)");

    private final String file;
    private final Map<String, String> env;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Set<String> secrets = new LinkedHashSet<>();

    Reading(String file, Map<String, String> env) {
        this.file = file;
        this.env = env;
    }

    String file() {
        return file;
    }

    void problem(Mark mark, String message) {
        if (mark == null) {
            problems.add(new ConfigProblem(file, 1, 1, message));
        } else {
            problems.add(new ConfigProblem(file, mark.getLine() + 1, mark.getColumn() + 1, message));
        }
    }

    void problem(int line, int column, String message) {
        problems.add(new ConfigProblem(file, line, column, message));
    }

    /**
     * The problems, with every value taken from the environment masked: a message may quote the
     * value it objects to (a path with a space), and that value may hold a token.
     */
    List<ConfigProblem> problems() {
        Redactor redactor = Redactor.of(secrets);
        return problems.stream()
                .map(p -> new ConfigProblem(p.file(), p.line(), p.column(), redactor.redact(p.message())))
                .toList();
    }

    Set<String> secrets() {
        return Set.copyOf(secrets);
    }

    /**
     * Replaces each {@code ${env:NAME}} in a value. A missing variable is a problem; every value
     * taken from the environment becomes a secret, because tokens arrive that way. A "${env:" that
     * is never closed is a problem too: left as text, it would send "${env:TOKEN" to the site
     * instead of the token, and the run would fail for a reason nobody wrote.
     */
    String substitute(String value, Mark mark, String path) {
        if (!value.contains("${")) {
            return value;
        }
        Matcher m = ENV.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = "";
            if (!ENV_NAME.matcher(name).matches()) {
                problem(mark, path + ": \"${env:" + name + "}\" is not a valid environment variable name");
            } else if (!env.containsKey(name)) {
                problem(mark, path + ": environment variable " + name + " is not set");
            } else {
                replacement = env.get(name);
                if (!replacement.isEmpty()) {
                    secrets.add(replacement);
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        int tail = out.length();
        m.appendTail(out);
        Matcher unclosed = UNCLOSED.matcher(out).region(tail, out.length());
        if (unclosed.find()) {
            // only the name is shown: what follows it may be the rest of a secret-bearing value
            problem(mark, path + ": \"${env:" + unclosed.group(1) + "\" has no closing \"}\"");
        }
        return out.toString();
    }
}
