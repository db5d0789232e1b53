package dev.gate.act;

import dev.gate.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The runbooks failures link to: a team's own folder (the suite's {@code playbooks:}) first, the
 * ones shipped in the jar otherwise. Those a run refers to are copied into its folder, so that the
 * links in its reports work wherever the folder is opened.
 */
public final class Playbooks {
    public static final String FOLDER = "playbooks";
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}");

    private final Optional<Path> teamFolder;

    public Playbooks(Optional<Path> teamFolder) {
        this.teamFolder = teamFolder;
    }

    public Optional<String> read(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        if (teamFolder.isPresent()) {
            Path file = teamFolder.get().resolve(name + ".md");
            if (Files.isRegularFile(file)) {
                try {
                    return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // fall back to the built-in runbook
                }
            }
        }
        try (InputStream in = Playbooks.class.getResourceAsStream("/" + FOLDER + "/" + name + ".md")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Copies the named runbooks to {@code <runDir>/playbooks/}; returns the names copied. */
    public Set<String> copyInto(Path runDir, Collection<String> names) {
        Set<String> copied = new LinkedHashSet<>();
        for (String name : new LinkedHashSet<>(names)) {
            if (name.isEmpty()) {
                continue;
            }
            Optional<String> text = read(name);
            if (text.isPresent()) {
                try {
                    AtomicFiles.write(runDir.resolve(FOLDER).resolve(name + ".md"), text.get());
                    copied.add(name);
                } catch (IOException e) {
                    // a missing runbook copy leaves a dead link, not a wrong verdict
                }
            }
        }
        return copied;
    }
}
