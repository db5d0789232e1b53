package dev.gate.git;

import dev.gate.checks.commit.CommitId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * The commits between the previous release and the expected one: those reachable from the
 * expected commit and not from the previous one, newest first, with what each changed. Where the
 * repository lacks a commit (a shallow CI clone), it says so instead of guessing.
 */
public final class CommitRange {
    private static final int MAX_COMMITS = 200;
    private static final int MAX_FILES = 40;

    /** The commits, and notes on anything that could not be listed. */
    public record Result(List<ChangedCommit> commits, List<String> notes) {
        public Result {
            commits = List.copyOf(commits);
            notes = List.copyOf(notes);
        }
    }

    private CommitRange() {
    }

    /**
     * The commits between the releases for a post-mortem, which is written either way: what could
     * not be listed (no checkout, a repository that lacks the commits) becomes a note instead.
     *
     * @param noCheckout the note when there is no checkout to read
     */
    public static Result listed(Optional<Path> checkout, Optional<CommitId> previous, CommitId expected, String noCheckout) {
        if (checkout.isEmpty()) {
            return new Result(List.of(), List.of(noCheckout));
        }
        try {
            return between(checkout.get(), previous, expected);
        } catch (GitException e) {
            return new Result(List.of(), List.of(e.getMessage()));
        }
    }

    public static Result between(Path folder, Optional<CommitId> previous, CommitId expected) throws GitException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(folder.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            throw new GitException(folder + " is not a git repository (no .git here or above)");
        }
        List<String> notes = new ArrayList<>();
        try (Repository repo = builder.setMustExist(true).build(); RevWalk walk = new RevWalk(repo)) {
            ObjectId to = resolve(repo, expected);
            if (to == null) {
                notes.add("the expected commit " + expected.shortHex() + " is not in the repository at " + folder
                        + ": fetch it (in GitHub Actions, actions/checkout with fetch-depth: 0) to list the changes");
                return new Result(List.of(), notes);
            }
            walk.markStart(walk.parseCommit(to));
            Optional<ObjectId> from = previous.map(p -> resolveQuietly(repo, p));
            if (previous.isEmpty()) {
                notes.add("the previous release is unknown (no baseline): only the expected commit is listed");
            } else if (from.isEmpty() || from.get() == null) {
                notes.add("the previous commit " + previous.get().shortHex() + " is not in the repository at " + folder
                        + " (a shallow clone?): only the expected commit is listed");
                from = Optional.empty();
            }
            List<ChangedCommit> commits = new ArrayList<>();
            if (from.isPresent()) {
                walk.markUninteresting(walk.parseCommit(from.get()));
                for (RevCommit c : walk) {
                    if (commits.size() == MAX_COMMITS) {
                        notes.add("more than " + MAX_COMMITS + " commits: only the newest " + MAX_COMMITS + " are listed");
                        break;
                    }
                    commits.add(describe(repo, walk, c));
                }
                if (commits.isEmpty()) {
                    notes.add("no commits between " + previous.get().shortHex() + " and " + expected.shortHex()
                            + ": the expected release is not newer than the previous one");
                }
            } else {
                commits.add(describe(repo, walk, walk.parseCommit(to)));
            }
            return new Result(commits, notes);
        } catch (IOException e) {
            throw new GitException(folder + ": cannot read the repository: " + e.getMessage(), e);
        }
    }

    private static ObjectId resolve(Repository repo, CommitId id) throws IOException {
        try {
            ObjectId o = repo.resolve(id.hex() + "^{commit}");
            return o;
        } catch (org.eclipse.jgit.errors.AmbiguousObjectException | org.eclipse.jgit.errors.RevisionSyntaxException e) {
            return null;
        }
    }

    private static ObjectId resolveQuietly(Repository repo, CommitId id) {
        try {
            return resolve(repo, id);
        } catch (IOException e) {
            return null;
        }
    }

    private static ChangedCommit describe(Repository repo, RevWalk walk, RevCommit c) throws IOException {
        List<String> files = new ArrayList<>();
        int more = 0;
        try (DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setRepository(repo);
            diff.setDetectRenames(true);
            RevCommit parent = c.getParentCount() > 0 ? walk.parseCommit(c.getParent(0)) : null;
            List<DiffEntry> entries = diff.scan(parent == null ? null : parent.getTree(), c.getTree());
            for (DiffEntry e : entries) {
                if (files.size() == MAX_FILES) {
                    more = entries.size() - MAX_FILES;
                    break;
                }
                files.add(letter(e.getChangeType()) + " " + (e.getChangeType() == DiffEntry.ChangeType.DELETE ? e.getOldPath()
                        : e.getChangeType() == DiffEntry.ChangeType.RENAME ? e.getOldPath() + " → " + e.getNewPath() : e.getNewPath()));
            }
        }
        return new ChangedCommit(c.getId().abbreviate(7).name(), c.getAuthorIdent().getName(),
                c.getAuthorIdent().getWhenAsInstant(), c.getShortMessage(), files, c.getParentCount() > 1, more);
    }

    private static String letter(DiffEntry.ChangeType type) {
        return switch (type) {
            case ADD -> "A";
            case MODIFY -> "M";
            case DELETE -> "D";
            case RENAME -> "R";
            case COPY -> "C";
        };
    }
}
