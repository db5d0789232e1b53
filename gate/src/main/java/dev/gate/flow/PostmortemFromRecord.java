package dev.gate.flow;

import dev.gate.act.Playbooks;
import dev.gate.act.PostmortemWriter;
import dev.gate.checks.Redactor;
import dev.gate.git.CommitRange;
import dev.gate.io.Io;
import dev.gate.run.CheckExecutor;
import dev.gate.run.ExitStatus;
import dev.gate.run.RunRecord;
import dev.gate.suite.Suite;
import dev.gate.suite.SuiteException;
import dev.gate.suite.SuiteLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code gate postmortem}: a stub written later from a saved run record, with the suite's folder,
 * runbooks and secrets when the suite is still where the run found it.
 */
public final class PostmortemFromRecord {
    private final Io io;

    public PostmortemFromRecord(Io io) {
        this.io = io;
    }

    /**
     * @param recordFile where the record was read from: the stub links the run folder beside it
     * @param out        where the stub goes instead of the suite's {@code on_failure.postmortems}, or, when
     *                   the suite names none, the run folder the record is in
     * @param checkout   where to list the commits between the releases from
     * @return the exit status
     */
    public int write(RunRecord record, Path recordFile, Optional<Path> out, Optional<Path> checkout) {
        Optional<Suite> suite = suite(record);
        // as a run does: without on_failure.postmortems the stub goes beside the record, not into the checkout
        Path folder = out.or(() -> suite.flatMap(s -> s.onFailure().postmortems()))
                .orElse(recordFile.toAbsolutePath().getParent());
        CommitRange.Result changes = CommitRange.listed(checkout, record.previousCommit(), record.expectedCommit(),
                "no repository: run in the checkout or pass --repo DIR");
        Playbooks playbooks = new Playbooks(suite.flatMap(Suite::playbooks));
        Redactor redactor = suite.map(Suite::redactor).orElse(Redactor.none());
        try {
            Path written = new PostmortemWriter(playbooks, redactor).write(record, changes, folder, recordFile.getParent());
            io.out().println("Post-mortem stub written to " + written);
            return ExitStatus.PASS;
        } catch (IOException e) {
            io.err().println("gate: cannot write the post-mortem stub in " + folder + ": " + CheckExecutor.oneLine(e));
            return ExitStatus.BLOCK;
        }
    }

    /** The suite the run used, when it is still where it was (for its post-mortem folder and runbooks). */
    private Optional<Suite> suite(RunRecord record) {
        if (record.suite() == null || record.suite().file() == null) {
            return Optional.empty();
        }
        Path file = io.resolve(Path.of(record.suite().file()));
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SuiteLoader(io.env()).load(file));
        } catch (SuiteException e) {
            return Optional.empty();
        }
    }
}
