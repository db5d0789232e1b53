package dev.gate.checks.tls;

import dev.gate.checks.Check;
import dev.gate.checks.CheckContext;
import dev.gate.checks.CheckResult;

/**
 * The suite turned certificate verification off ({@code tls.insecure: true}): said on every run,
 * because anyone between the gate and the site could answer for the site. It probes nothing.
 */
public final class TlsWarning implements Check {
    public static final String ID = "tls";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String kind() {
        return "tls";
    }

    @Override
    public String name() {
        return "TLS certificate verification";
    }

    @Override
    public CheckResult run(CheckContext context) {
        return CheckResult.warn(ID, kind(), name(),
                "certificate verification is off (tls.insecure: true): anyone between the gate and the site can answer for it")
                .withPlaybook("tls-insecure");
    }
}
