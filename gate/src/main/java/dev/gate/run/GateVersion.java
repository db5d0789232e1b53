package dev.gate.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The gate's own version, filled in by the build. */
public final class GateVersion {
    private static final String VERSION = load();

    private GateVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = GateVersion.class.getResourceAsStream("/dev/gate/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
