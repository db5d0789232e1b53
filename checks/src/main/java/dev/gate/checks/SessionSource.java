package dev.gate.checks;

/**
 * Where checks that need a logged-in session get it: the suite's login, done once per run by
 * whichever check asks first, every later caller getting the same outcome.
 */
@FunctionalInterface
public interface SessionSource {
    LoginOutcome obtain(CheckContext context) throws InterruptedException;
}
