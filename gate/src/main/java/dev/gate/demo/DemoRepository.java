package dev.gate.demo;

import dev.gate.checks.commit.CommitId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git repository, made with JGit, whose commits are the demo releases. */
public final class DemoRepository {
    private final Path folder;
    private final Map<String, CommitId> commits;

    private DemoRepository(Path folder, Map<String, CommitId> commits) {
        this.folder = folder;
        this.commits = Map.copyOf(commits);
    }

    /**
     * Commits each release in order. Commit times are fixed (a day apart from {@code start}) so the
     * same releases give the same history.
     */
    public static DemoRepository create(Path folder, List<DemoRelease> releases, Instant start) throws IOException {
        Map<String, CommitId> commits = new LinkedHashMap<>();
        try (Git git = Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call()) {
            Instant when = start;
            for (DemoRelease release : releases) {
                for (Map.Entry<String, String> file : release.files().entrySet()) {
                    Path path = folder.resolve(file.getKey());
                    Files.createDirectories(path.getParent());
                    Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
                }
                git.add().addFilepattern(".").call();
                PersonIdent author = new PersonIdent(release.author(), email(release.author()), when, ZoneOffset.UTC);
                RevCommit commit = git.commit()
                        .setMessage(release.subject() + "\n\nRelease " + release.version() + ".\n")
                        .setAuthor(author)
                        .setCommitter(author)
                        .setSign(false)
                        .call();
                commits.put(release.version(), new CommitId(commit.getName()));
                when = when.plusSeconds(86_400);
            }
        } catch (GitAPIException e) {
            throw new IOException("cannot create the demo repository: " + e.getMessage(), e);
        }
        return new DemoRepository(folder, commits);
    }

    private static String email(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", ".") + "@harbor.example";
    }

    public Path folder() {
        return folder;
    }

    public CommitId commit(String version) {
        CommitId id = commits.get(version);
        if (id == null) {
            throw new IllegalArgumentException("no demo release " + version);
        }
        return id;
    }

    public Map<String, CommitId> commits() {
        return commits;
    }
}
