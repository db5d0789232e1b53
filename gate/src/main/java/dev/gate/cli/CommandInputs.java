package dev.gate.cli;

import dev.gate.baseline.Baseline;
import dev.gate.baseline.BaselineException;
import dev.gate.baseline.BaselineStore;
import dev.gate.checks.commit.CommitId;
import dev.gate.git.GitException;
import dev.gate.git.RepositoryHead;
import dev.gate.io.Io;
import dev.gate.run.RunFolder;
import dev.gate.run.Shard;
import dev.gate.text.Slug;
import dev.gate.suite.ConfigProblem;
import dev.gate.suite.Suite;
import dev.gate.suite.SuiteException;
import dev.gate.suite.SuiteLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Turns flags into validated inputs, or into {@link InvalidInput} naming what is wrong. */
final class CommandInputs {

    private final Io io;

    CommandInputs(Io io) {
        this.io = io;
    }

    Suite suite(Path file) throws InvalidInput {
        try {
            return new SuiteLoader(io.env()).load(io.resolve(file), file.toString());
        } catch (SuiteException e) {
            throw new InvalidInput(e.problems().stream().map(ConfigProblem::toString).toList());
        }
    }

    /** Exactly one of {@code --expect-commit} and {@code --repo}. */
    CommitId expectedCommit(Optional<String> sha, Optional<Path> repo) throws InvalidInput {
        if (sha.isPresent() && repo.isPresent()) {
            throw new InvalidInput("give either --expect-commit or --repo, not both");
        }
        if (sha.isPresent()) {
            return CommitId.parse(sha.get()).orElseThrow(() -> new InvalidInput(
                    "--expect-commit: \"" + sha.get() + "\" is not a commit id: expected 7 to 40 or 64 hex digits"));
        }
        if (repo.isPresent()) {
            try {
                return RepositoryHead.read(io.resolve(repo.get()));
            } catch (GitException e) {
                throw new InvalidInput("--repo: " + e.getMessage());
            }
        }
        throw new InvalidInput("name the commit that was deployed: --expect-commit SHA, or --repo DIR to take HEAD of a checkout");
    }

    /**
     * Where a suite's baseline goes by default: {@code .gate/<suite>/baseline.json}, one per suite,
     * so that two suites in one repository never read each other's.
     */
    Path defaultBaseline(Suite suite) {
        return io.resolve(Path.of(".gate", Slug.of(suite.name()), "baseline.json"));
    }

    /**
     * The baseline named by {@code --baseline}, which must be usable; without the flag, the suite's
     * default baseline if one exists.
     */
    Optional<Baseline> baseline(Optional<Path> flag, Suite suite) throws InvalidInput {
        Path file = flag.map(io::resolve).orElse(defaultBaseline(suite));
        if (flag.isEmpty() && !Files.exists(file)) {
            return Optional.empty();
        }
        Baseline baseline;
        try {
            baseline = BaselineStore.read(file, suite.target(), suite.redactor());
        } catch (BaselineException e) {
            // without the flag, the default file was read: naming a flag the person did not give would mislead
            throw new InvalidInput((flag.isPresent() ? "--baseline: " : "baseline: ") + e.getMessage());
        }
        String thisSuite = suite.location();
        Optional<String> other = baseline.suiteFile().filter(f -> !f.equals(thisSuite));
        if (flag.isEmpty() && other.isPresent()) {
            // two suites whose names slug alike (services/web/gate.yaml, services/api/gate.yaml) share a default
            throw new InvalidInput("baseline: " + file + " was taken for the suite " + other.get() + ", not " + thisSuite
                    + "; give the suites distinct names (name: in each), or pass --baseline FILE");
        }
        return Optional.of(baseline);
    }

    /** The checkout to list commits from: {@code --repo}, else the current folder when it is one. */
    Optional<Path> history(Optional<Path> repo) {
        if (repo.isPresent()) {
            return repo.map(io::resolve);
        }
        try {
            RepositoryHead.read(io.cwd());
            return Optional.of(io.cwd());
        } catch (GitException e) {
            return Optional.empty();
        }
    }

    /** A duration flag written like the suite's: {@code 300ms}, {@code 10s}, {@code 5m}, {@code 1h}. */
    java.time.Duration duration(String flag, String text) throws InvalidInput {
        return dev.gate.checks.time.Durations.parse(text).filter(d -> !d.isZero()).orElseThrow(() -> new InvalidInput(
                flag + ": expected a duration such as 90s or 30m, got \"" + text + "\""));
    }

    Shard shard(Optional<String> text) throws InvalidInput {
        if (text.isEmpty()) {
            return Shard.ALL;
        }
        return Shard.parse(text.get()).orElseThrow(() -> new InvalidInput(
                "--shard: \"" + text.get() + "\" is not K/N with 1 <= K <= N, such as 2/4"));
    }

    /** The run folder of {@code --out}, or the default one for this commit, claimed before anything is probed. */
    RunFolder runFolder(Optional<Path> out, CommitId expected) throws InvalidInput {
        Path dir = out.map(io::resolve).orElseGet(() -> RunFolder.defaultPath(io.cwd(), io.clock().instant(), expected));
        try {
            return RunFolder.claim(dir);
        } catch (RunFolder.RunFolderException e) {
            throw new InvalidInput("--out: " + e.getMessage());
        }
    }

    void report(InvalidInput e) {
        for (String line : e.lines()) {
            io.err().println("gate: " + line);
        }
    }
}
