package dev.gate.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gate.checks.commit.CommitId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commits between two releases, from real repositories made with JGit. */
class CommitRangeTest {
    @TempDir
    Path dir;
    private Instant when = Instant.parse("2026-11-20T09:00:00Z");

    private RevCommit commit(Git git, String author, String message, String file, String content) throws Exception {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        git.add().addFilepattern(".").call();
        PersonIdent who = new PersonIdent(author, author.toLowerCase().replace(' ', '.') + "@example.com", when, ZoneOffset.UTC);
        when = when.plusSeconds(3600);
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    @Test
    void listsTheCommitsBetweenTheReleasesWithTheirFilesIncludingAMerge() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            RevCommit previous = commit(git, "Maya Lindqvist", "Open the shop", "site/home.html", "v1");
            git.checkout().setCreateBranch(true).setName("feature").call();
            RevCommit feature = commit(git, "Jonas Berg", "Split the checkout chunk", "build/webpack.js", "split");
            git.checkout().setName("main").call();
            commit(git, "Priya Raman", "Cache product pages", "edge/cache.vcl", "hash");
            PersonIdent who = new PersonIdent("Tomás Ortega", "t@example.com", when, ZoneOffset.UTC);
            MergeResult merged = git.merge().include(feature).setCommit(false).call();
            assertThat(merged.getMergeStatus().isSuccessful()).isTrue();
            RevCommit expected = git.commit().setMessage("Merge branch 'feature'").setAuthor(who).setCommitter(who)
                    .setSign(false).call();

            CommitRange.Result r = CommitRange.between(dir, Optional.of(new CommitId(previous.getName())),
                    new CommitId(expected.getName().substring(0, 10)));

            assertThat(r.notes()).isEmpty();
            assertThat(r.commits()).extracting(ChangedCommit::subject)
                    .containsExactlyInAnyOrder("Merge branch 'feature'", "Cache product pages", "Split the checkout chunk");
            ChangedCommit merge = r.commits().get(0);
            assertThat(merge.merge()).isTrue();
            assertThat(merge.author()).isEqualTo("Tomás Ortega");
            assertThat(merge.files()).containsExactly("A build/webpack.js");
            assertThat(r.commits()).filteredOn(c -> c.subject().equals("Cache product pages"))
                    .singleElement().satisfies(c -> {
                        assertThat(c.files()).containsExactly("A edge/cache.vcl");
                        assertThat(c.shortSha()).hasSize(7);
                        assertThat(c.author()).isEqualTo("Priya Raman");
                    });
        }
    }

    @Test
    void aPreviousCommitTheRepositoryLacksIsSaidAndTheExpectedOneStillListed() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            RevCommit expected = commit(git, "Maya Lindqvist", "Open the shop", "site/home.html", "v1");

            CommitRange.Result r = CommitRange.between(dir, Optional.of(new CommitId("1a2b3c4d5e6f")),
                    new CommitId(expected.getName()));

            assertThat(r.commits()).extracting(ChangedCommit::subject).containsExactly("Open the shop");
            assertThat(r.notes()).containsExactly("the previous commit 1a2b3c4 is not in the repository at " + dir
                    + " (a shallow clone?): only the expected commit is listed");
        }
    }

    @Test
    void anExpectedCommitTheRepositoryLacksIsSaid() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "Maya Lindqvist", "Open the shop", "site/home.html", "v1");

            CommitRange.Result r = CommitRange.between(dir, Optional.empty(), new CommitId("9f8e7d6c5b"));

            assertThat(r.commits()).isEmpty();
            assertThat(r.notes().get(0)).startsWith("the expected commit 9f8e7d6 is not in the repository at " + dir);
        }
    }

    @Test
    void aFolderThatIsNotARepositoryIsRefused() {
        assertThatThrownBy(() -> CommitRange.between(dir, Optional.empty(), new CommitId("9f8e7d6")))
                .isInstanceOf(GitException.class)
                .hasMessage(dir + " is not a git repository (no .git here or above)");
    }
}
