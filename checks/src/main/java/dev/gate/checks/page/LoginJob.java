package dev.gate.checks.page;

import dev.gate.checks.Redactor;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A login for the browser session to perform.
 *
 * @param stepTimeout what each step may take (the suite's page timeout)
 * @param redactor    hides the suite's secrets in what the failure quotes of the page
 */
public record LoginJob(List<LoginStep> steps, URI target, Duration stepTimeout, Redactor redactor) {
    public LoginJob {
        steps = List.copyOf(steps);
    }
}
