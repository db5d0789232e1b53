package dev.gate.checks.page;

import java.util.Objects;

/**
 * One step of the suite's login, as the browser performs it. {@link #describe()} is how messages
 * name a step: as the suite writes it, without the value a {@code fill} types, which may be a
 * password.
 */
public sealed interface LoginStep {
    String describe();

    /** Opens a path on the target (or an absolute URL). */
    record Goto(String path) implements LoginStep {
        public Goto {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return "goto " + path;
        }
    }

    /** Types {@code value} into the field {@code selector} finds. */
    record Fill(String selector, String value) implements LoginStep {
        public Fill {
            Objects.requireNonNull(selector, "selector");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String describe() {
            return "fill { selector: " + selector + " }";
        }

        /** Without the value: a record's own toString would print the password. */
        @Override
        public String toString() {
            return "Fill[selector=" + selector + "]";
        }
    }

    record Click(String selector) implements LoginStep {
        public Click {
            Objects.requireNonNull(selector, "selector");
        }

        @Override
        public String describe() {
            return "click " + selector;
        }
    }

    /** Waits until the page's URL matches {@code pattern} (see {@link UrlPattern}). */
    record WaitForUrl(UrlPattern pattern) implements LoginStep {
        public WaitForUrl {
            Objects.requireNonNull(pattern, "pattern");
        }

        @Override
        public String describe() {
            return "wait_for { url: " + pattern.written() + " }";
        }
    }

    /** Waits until an element {@code selector} finds is visible. */
    record WaitForSelector(String selector) implements LoginStep {
        public WaitForSelector {
            Objects.requireNonNull(selector, "selector");
        }

        @Override
        public String describe() {
            return "wait_for { selector: " + selector + " }";
        }
    }
}
