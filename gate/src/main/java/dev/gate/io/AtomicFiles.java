package dev.gate.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers see the old content or the new, never half of one: the bytes go
 * to a temporary file in the same folder, are flushed to disk, and the file is moved into place.
 * An interrupted run therefore never leaves a corrupt baseline or result. Files are 0644 and
 * folders 0755 whatever the umask, so nothing the gate writes is world-writable.
 */
public final class AtomicFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwxr-xr-x");

    private AtomicFiles() {
    }

    public static void write(Path file, byte[] content) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        createFolders(folder);
        Path temp = Files.createTempFile(folder, "." + file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                out.write(content);
                out.flush();
                channel.force(true);
            }
            if (POSIX) {
                Files.setPosixFilePermissions(temp, FILE);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static void write(Path file, String content) throws IOException {
        write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Creates a file only if none exists yet; false when one does. Never overwrites. */
    public static boolean writeNew(Path file, String content) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        createFolders(folder);
        Path temp = Files.createTempFile(folder, "." + file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            if (POSIX) {
                Files.setPosixFilePermissions(temp, FILE);
            }
            try {
                // a hard link fails if the name exists, which makes "create only if new" atomic
                Files.createLink(file, temp);
                return true;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | IOException e) {
                if (Files.exists(file)) {
                    return false;
                }
                Files.move(temp, file);
                return true;
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Creates a folder and its parents with mode 0755. */
    public static Path createFolders(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return folder;
        }
        Path parent = folder.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            createFolders(parent);
        }
        try {
            Files.createDirectory(folder);
            if (POSIX) {
                Files.setPosixFilePermissions(folder, FOLDER);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(folder)) {
                throw new IOException(folder + " exists and is not a folder", e);
            }
        }
        return folder;
    }

    /** Sets 0644 on a file written by something else (a screenshot from the browser). */
    public static void fixPermissions(Path file) throws IOException {
        if (POSIX && Files.isRegularFile(file)) {
            Files.setPosixFilePermissions(file, FILE);
        } else if (POSIX && Files.isDirectory(file)) {
            Files.setPosixFilePermissions(file, FOLDER);
        }
    }
}
