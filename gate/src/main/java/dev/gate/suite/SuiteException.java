package dev.gate.suite;

import java.util.List;
import java.util.stream.Collectors;

/** A suite that cannot be used, with every problem found in it. */
public final class SuiteException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public SuiteException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
