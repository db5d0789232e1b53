package dev.gate.report;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Links from a report to the files in its run folder. Artifact paths come from the record and
 * are relative to the run folder; a path that is absolute, carries a URL scheme or climbs out of
 * the folder is not linked (a hostile or broken record must not turn into a {@code javascript:}
 * link or a pointer elsewhere on the disk).
 *
 * <p>Small screenshots are embedded as {@code data:} URIs: the report then stays whole when it is
 * the only file someone opens (an e-mail attachment, a CI viewer that serves one file), while a
 * large full-page capture is linked instead of making the report heavy.
 */
public final class ArtifactLinks {
    /** Larger images are linked, not embedded: a page of full-page captures would weigh megabytes. */
    public static final long EMBED_LIMIT_BYTES = 400_000;

    private final Optional<Path> runDir;

    private ArtifactLinks(Optional<Path> runDir) {
        this.runDir = runDir.map(p -> p.toAbsolutePath().normalize());
    }

    /** Links relative to {@code runDir}, embedding small images found there. */
    public static ArtifactLinks in(Path runDir) {
        return new ArtifactLinks(Optional.of(runDir));
    }

    /** Links only, reading no file (for rendering a record away from its folder). */
    public static ArtifactLinks linksOnly() {
        return new ArtifactLinks(Optional.empty());
    }

    /** A relative URL for the path, percent-encoded; empty when the path is not a safe relative one. */
    public static Optional<String> href(String path) {
        if (!isSafeRelative(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(null, null, path.replace('\\', '/'), null).toASCIIString());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The image as a {@code data:} URI when it is a PNG or JPEG in the run folder and small enough. */
    public Optional<String> embedded(String path) {
        if (runDir.isEmpty() || !isSafeRelative(path)) {
            return Optional.empty();
        }
        String type = imageType(path);
        if (type == null) {
            return Optional.empty();
        }
        Path file = runDir.get().resolve(path).normalize();
        try {
            if (!file.startsWith(runDir.get()) || !Files.isRegularFile(file) || Files.size(file) > EMBED_LIMIT_BYTES) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            if (!hasImageSignature(bytes, type)) {
                return Optional.empty();
            }
            return Optional.of("data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes));
        } catch (IOException | SecurityException e) {
            // the link still works, or says plainly that the file is gone
            return Optional.empty();
        }
    }

    static boolean isSafeRelative(String path) {
        if (path == null || path.isBlank() || path.startsWith("/") || path.startsWith("\\")) {
            return false;
        }
        String p = path.replace('\\', '/');
        int colon = p.indexOf(':');
        int slash = p.indexOf('/');
        if (colon >= 0 && (slash < 0 || colon < slash)) {
            return false; // a scheme (javascript:, http:) or a Windows drive
        }
        for (String segment : p.split("/")) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return p.chars().noneMatch(c -> c < 0x20);
    }

    private static String imageType(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".png")) {
            return "image/png";
        }
        if (p.endsWith(".jpg") || p.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        return null;
    }

    private static boolean hasImageSignature(byte[] b, String type) {
        if (type.equals("image/png")) {
            return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        }
        return b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8;
    }
}
