package dev.gate.act;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Starts a user's command as the leader of a session of its own, through util-linux's
 * {@code setsid} (which execs the command: no shell, the same pid and exit status), so that every
 * process it starts can be found again at a timeout or a stop: a daemon that double-forks is
 * re-parented away from the command's tree, but stays in its session. Only a process that makes a
 * session of its own ({@code setsid}, a real daemon) leaves it, and the gate cannot reach that one.
 *
 * <p>Where {@code setsid} is missing, the command runs in the gate's session and only its tree is
 * killed.
 */
final class Session {
    private static final Optional<Path> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of)
            .filter(Files::isExecutable).findFirst();

    private Session() {
    }

    /** The argument vector that starts {@code argv} in a new session, or {@code argv} itself without setsid. */
    static List<String> starting(List<String> argv) {
        return SETSID.map(s -> Stream.concat(Stream.of(s.toString()), argv.stream()).toList()).orElse(argv);
    }

    /**
     * Why the command cannot start, when it cannot: through setsid, a missing program would be
     * setsid's exit 127 instead of the gate's own "no such file", so the program is looked up first,
     * as the kernel would: a path relative to the working folder, or a name on the PATH.
     */
    static Optional<String> notStartable(String program, Path workDir, Map<String, String> env) {
        if (!SETSID.isPresent()) {
            return Optional.empty();
        }
        if (program.contains("/")) {
            return problem(workDir.resolve(program));
        }
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(":", -1)) {
            Path candidate = (dir.isEmpty() ? workDir : workDir.resolve(dir)).resolve(program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.empty();
            }
        }
        return Optional.of("no such file");
    }

    private static Optional<String> problem(Path file) {
        if (!Files.exists(file)) {
            return Optional.of("no such file");
        }
        if (!Files.isExecutable(file) || Files.isDirectory(file)) {
            return Optional.of("not executable");
        }
        return Optional.empty();
    }

    /** The processes still in the session {@code leader} leads, the leader itself included. */
    static List<ProcessHandle> members(ProcessHandle leader) {
        if (!SETSID.isPresent()) {
            return List.of();
        }
        long sid = leader.pid();
        return ProcessHandle.allProcesses().filter(p -> session(p.pid()).filter(s -> s == sid).isPresent()).toList();
    }

    /** Field 6 of {@code /proc/PID/stat}, after the command name in parentheses (which may hold spaces). */
    private static Optional<Long> session(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Long.parseLong(fields[3]));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }
}
