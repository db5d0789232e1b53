package dev.gate.checks.testing;

import dev.gate.checks.CheckContext;
import dev.gate.checks.Progress;
import dev.gate.checks.Redactor;
import dev.gate.checks.http.HttpProbe;
import dev.gate.checks.http.TlsPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Check contexts for tests: a real probe, the test's manual clock, a temporary run folder. */
public final class Contexts {
    private Contexts() {
    }

    public static CheckContext of(URI target, ManualClock clock, Path runDir) {
        return new CheckContext(target, new HttpProbe(Duration.ofSeconds(5), TlsPolicy.VERIFY), clock, clock,
                runDir, Redactor.none(), Progress.silent());
    }
}
