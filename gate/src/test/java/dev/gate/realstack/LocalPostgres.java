package dev.gate.realstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from Debian's {@code postgresql} package: {@code initdb} into a
 * temporary folder, {@code pg_ctl start} on a free port of 127.0.0.1 with password login, a
 * database {@code gate} owned by the user {@code gate}; stopped and deleted on close. PostgreSQL
 * refuses to run as root, so as root the cluster belongs to the {@code postgres} system user.
 */
public final class LocalPostgres implements AutoCloseable {
    public static final String USER = "gate";
    public static final String PASSWORD = "pg-Secret-7c1e9a";

    private final Path dir;
    private final Path bin;
    private final int port;
    private final boolean asRoot;

    private LocalPostgres(Path dir, Path bin, int port, boolean asRoot) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.asRoot = asRoot;
    }

    /** The newest installed server's programs, or empty when the package is missing. */
    public static java.util.Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return java.util.Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> b.getParent().getFileName().toString(), Comparator.comparingInt(LocalPostgres::major)));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static int major(String version) {
        try {
            return Integer.parseInt(version.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static LocalPostgres start() throws IOException, InterruptedException, SQLException {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(
                "PostgreSQL is not installed: apt-get install -y postgresql (bin/test installs it)"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("gate-pg-");
        int port = LocalNginx.freePort();
        LocalPostgres pg = new LocalPostgres(dir, bin, port, root);
        Files.writeString(dir.resolve("pwfile"), PASSWORD + "\n", StandardCharsets.UTF_8);
        if (root) {
            pg.run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
        }
        pg.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                "--pwfile=" + dir.resolve("pwfile"), "--auth=scram-sha-256", "--no-sync", "-E", "UTF8", "--locale=C"), true);
        pg.run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c fsync=off -c max_connections=40", "start"), true);
        try (Connection c = DriverManager.getConnection(pg.url("postgres"), USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE gate OWNER gate");
        }
        return pg;
    }

    public int port() {
        return port;
    }

    public String url() {
        return url("gate");
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        if (asPostgres && asRoot) {
            argv.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        argv.addAll(command);
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(dir.resolve("commands.log").toFile())
                .start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 90 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": "
                    + Files.readString(dir.resolve("commands.log")));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w",
                    "stop"), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
