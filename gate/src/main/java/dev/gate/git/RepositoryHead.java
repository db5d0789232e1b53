package dev.gate.git;

import dev.gate.checks.commit.CommitId;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The commit a checkout is at: what the pipeline just deployed. */
public final class RepositoryHead {
    private RepositoryHead() {
    }

    public static CommitId read(Path folder) throws GitException {
        if (!Files.isDirectory(folder)) {
            throw new GitException(folder + " is not a folder");
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(folder.toAbsolutePath().toFile());
        File gitDir = builder.getGitDir();
        if (gitDir == null) {
            throw new GitException(folder + " is not a git repository (no .git here or above)");
        }
        try (Repository repo = builder.setMustExist(true).build()) {
            ObjectId head = repo.resolve("HEAD^{commit}");
            if (head == null) {
                throw new GitException(folder + ": the repository has no commits yet");
            }
            return new CommitId(head.name());
        } catch (IOException e) {
            throw new GitException(folder + ": cannot read the repository: " + e.getMessage(), e);
        }
    }
}
