package dev.gate.checks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Replaces every known secret value with {@value #MASK}. Secrets are matched as plain text and
 * as a URL carries them (percent-encoded, a space as {@code %20} or {@code +}), since a secret in
 * a query string is written encoded; longer ones first, so a secret that contains another is
 * masked whole.
 *
 * <p><b>Cut text.</b> Messages are cut to fit a line (a 300-character body snippet, a 110-column
 * summary). A secret that straddles a cut no longer matches once cut, and redacting afterwards
 * would let its first characters through. Two rules close that:
 * <ol>
 * <li>Text is cut only by {@link #cut}, which masks first and cuts afterwards, never inside a mask:
 *     once masked there is no secret left to cut. This is the mechanism; every cut the gate makes
 *     goes through it, with the redactor of the check or suite at hand.</li>
 * <li>A backstop for text cut before it reached this redactor (a message cut by code that had
 *     only a narrower redactor, or none): every cut is marked with {@value #CUT}, and
 *     {@link #redact} also masks a fragment of a secret that touches that mark, a prefix of at
 *     least {@value #MIN_FRAGMENT} characters ending right before it or a suffix right after it.
 *     The mark is what makes this sound: matching fragments anywhere would mask ordinary words
 *     that happen to begin a secret ("pass" of "password1"); next to a cut, a fragment is what a
 *     cut secret leaves. Shorter fragments are left alone, as secrets shorter than that are.</li>
 * </ol>
 */
public final class Redactor {
    public static final String MASK = "•••";
    /** What marks a cut, at the end of a shortened text or in its middle. */
    public static final String CUT = "…";
    /** The shortest secret masked, and the shortest fragment of one masked beside a cut. */
    public static final int MIN_FRAGMENT = 3;

    /** The values as given, for {@link #with}. */
    private final Set<String> given;
    /** The values and their URL forms, longest first. */
    private final List<String> secrets;

    private Redactor(Set<String> secrets) {
        this.given = secrets;
        Set<String> forms = new LinkedHashSet<>();
        secrets.stream().filter(Objects::nonNull)
                // one- and two-character values would mask half of every message
                .filter(s -> s.length() >= MIN_FRAGMENT)
                .forEach(s -> {
                    forms.add(s);
                    String encoded = URLEncoder.encode(s, StandardCharsets.UTF_8);
                    forms.add(encoded);
                    forms.add(encoded.replace("+", "%20"));
                });
        this.secrets = forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static Redactor of(Set<String> secrets) {
        return new Redactor(new LinkedHashSet<>(secrets));
    }

    public static Redactor none() {
        return new Redactor(Set.of());
    }

    public Redactor with(Set<String> more) {
        Set<String> all = new LinkedHashSet<>(given);
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
        return out.contains(CUT) ? maskAroundCuts(out) : out;
    }

    /**
     * The text masked, then cut to at most {@code limit} characters and marked {@value #CUT}
     * (which the limit does not count): never inside a mask, nor between the two halves of a
     * character.
     */
    public String cut(String text, int limit) {
        String masked = redact(text);
        if (masked.length() <= limit) {
            return masked;
        }
        int end = Math.max(0, limit);
        int mask = end == 0 ? -1 : masked.lastIndexOf(MASK, end - 1);
        if (mask >= 0 && mask + MASK.length() > end) {
            end = mask;
        }
        if (end > 0 && Character.isHighSurrogate(masked.charAt(end - 1))) {
            end--;
        }
        return masked.substring(0, end) + CUT;
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    public List<String> secrets() {
        return secrets;
    }

    private String maskAroundCuts(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (int at = text.indexOf(CUT); at >= 0; at = text.indexOf(CUT, from)) {
            int before = longestPrefixEndingAt(text, from, at);
            out.append(text, from, at - before).append(before > 0 ? MASK : "").append(CUT);
            int after = longestSuffixStartingAt(text, at + CUT.length());
            out.append(after > 0 ? MASK : "");
            from = at + CUT.length() + after;
        }
        return out.append(text, from, text.length()).toString();
    }

    /** The length of the longest proper prefix of a secret that ends at {@code end}, not before {@code start}. */
    private int longestPrefixEndingAt(String text, int start, int end) {
        int best = 0;
        for (String s : secrets) {
            for (int n = Math.min(s.length() - 1, end - start); n >= Math.max(MIN_FRAGMENT, best + 1); n--) {
                if (text.regionMatches(end - n, s, 0, n)) {
                    best = n;
                    break;
                }
            }
        }
        return best;
    }

    /** The length of the longest proper suffix of a secret that starts at {@code start}. */
    private int longestSuffixStartingAt(String text, int start) {
        int best = 0;
        for (String s : secrets) {
            for (int n = Math.min(s.length() - 1, text.length() - start); n >= Math.max(MIN_FRAGMENT, best + 1); n--) {
                if (text.regionMatches(start, s, s.length() - n, n)) {
                    best = n;
                    break;
                }
            }
        }
        return best;
    }
}
