package dev.gate.checks;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Replaces every known secret value with {@value #MASK}. Secrets are matched as plain text;
 * longer ones first, so a secret that contains another is masked whole.
 */
public final class Redactor {
    public static final String MASK = "•••";

    private final List<String> secrets;

    private Redactor(Set<String> secrets) {
        this.secrets = secrets.stream()
                .filter(Objects::nonNull)
                // one- and two-character values would mask half of every message
                .filter(s -> s.length() >= 3)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    public static Redactor of(Set<String> secrets) {
        return new Redactor(new LinkedHashSet<>(secrets));
    }

    public static Redactor none() {
        return new Redactor(Set.of());
    }

    public Redactor with(Set<String> more) {
        Set<String> all = new LinkedHashSet<>(secrets);
        all.addAll(more);
        return new Redactor(all);
    }

    public String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    public List<String> secrets() {
        return secrets;
    }
}
