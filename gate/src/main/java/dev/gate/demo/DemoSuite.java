package dev.gate.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The demo's suite, shipped in the jar, filled in with the shop's address and this JVM. */
public final class DemoSuite {
    /** Where the demo's suite takes the shop's password from. */
    public static final String PASSWORD_VARIABLE = "GATE_DEMO_PASSWORD";

    private DemoSuite() {
    }

    public static String template() {
        try (InputStream in = DemoSuite.class.getResourceAsStream("/dev/gate/demo/suite.yaml")) {
            if (in == null) {
                throw new IllegalStateException("the demo suite is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The suite for a shop at {@code target}; its rollback command runs this JVM's own java. */
    public static String forTarget(URI target) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return template()
                .replace("{{target}}", target.toString())
                .replace("{{java}}", yamlEscape(java))
                .replace("{{classpath}}", yamlEscape(System.getProperty("java.class.path")));
    }

    private static String yamlEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
