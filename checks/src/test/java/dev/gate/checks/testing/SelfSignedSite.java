package dev.gate.checks.testing;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS server on 127.0.0.1 with a self-signed certificate that {@code keytool}, run as a real
 * process, makes for the test: what a staging site looks like to a client that verifies
 * certificates.
 */
public final class SelfSignedSite implements AutoCloseable {
    private static final char[] PASSWORD = "changeit".toCharArray();

    private final HttpsServer server;

    private SelfSignedSite(HttpsServer server) {
        this.server = server;
    }

    /** A JSON API answering {@code {"status":"ok"}} on every path. */
    public static SelfSignedSite api(Path dir) throws Exception {
        return start(dir, "application/json", "{\"status\":\"ok\"}", true);
    }

    /** A page at {@code /} whose commit marker names {@code commit}; every other path is 404. */
    public static SelfSignedSite page(Path dir, String commit) throws Exception {
        return start(dir, "text/html; charset=utf-8", TestSite.pageWithCommit(commit), false);
    }

    private static SelfSignedSite start(Path dir, String type, String text, boolean everyPath) throws Exception {
        Path keystore = dir.resolve("site.p12");
        if (!Files.exists(keystore)) {
            generate(keystore);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(ks, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                boolean root = everyPath || exchange.getRequestURI().getPath().equals("/");
                byte[] body = (root ? text : "not found").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", root ? type : "text/plain");
                exchange.sendResponseHeaders(root ? 200 : 404, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        return new SelfSignedSite(server);
    }

    public URI url() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void generate(Path keystore) throws IOException, InterruptedException {
        Process keytool = new ProcessBuilder("keytool", "-genkeypair", "-alias", "site",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD), "-noprompt")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            keytool.destroyForcibly();
            throw new IOException("keytool could not make a certificate: " + output.trim());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
