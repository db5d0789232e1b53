package dev.gate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactLinksTest {
    @TempDir
    Path dir;

    @Test
    void onlyPathsInsideTheRunFolderAreLinked() {
        assertThat(ArtifactLinks.href("artifacts/home/screenshot.png")).contains("artifacts/home/screenshot.png");
        assertThat(ArtifactLinks.href("artifacts/my page/shot #1.png")).contains("artifacts/my%20page/shot%20%231.png");
        assertThat(ArtifactLinks.href("javascript:alert(1)")).isEmpty();
        assertThat(ArtifactLinks.href("https://evil.example/x.png")).isEmpty();
        assertThat(ArtifactLinks.href("/etc/passwd")).isEmpty();
        assertThat(ArtifactLinks.href("artifacts/../../etc/passwd")).isEmpty();
        assertThat(ArtifactLinks.href("C:\\x.png")).isEmpty();
        assertThat(ArtifactLinks.href("")).isEmpty();
    }

    @Test
    void onlyRealImagesAreEmbedded() throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Files.write(dir.resolve("a/fake.png"), "<svg onload=alert(1)>".getBytes());
        Files.write(dir.resolve("a/shot.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1});
        Files.write(dir.resolve("a/page.svg"), "<svg/>".getBytes());

        ArtifactLinks links = ArtifactLinks.in(dir);

        assertThat(links.embedded("a/fake.png")).isEmpty();
        assertThat(links.embedded("a/page.svg")).isEmpty();
        assertThat(links.embedded("a/missing.png")).isEmpty();
        assertThat(links.embedded("a/shot.jpg")).contains("data:image/jpeg;base64,/9j/4AE=");
        assertThat(ArtifactLinks.linksOnly().embedded("a/shot.jpg")).isEmpty();
    }
}
