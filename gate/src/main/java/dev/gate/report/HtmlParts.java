package dev.gate.report;

import dev.gate.checks.Artifact;
import dev.gate.checks.Status;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Small pieces every section of the HTML report uses; each escapes what it is given. */
final class HtmlParts {
    /** Problems first, then warnings, then the rest, each in the order the run produced them. */
    static final Comparator<Status> WORST_FIRST = Comparator.comparingInt(s -> -s.ordinal());

    private HtmlParts() {
    }

    static String h(String s) {
        return Escaping.html(s);
    }

    static String cssClass(Status s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    static String chip(Status s) {
        return "<span class=\"chip " + cssClass(s) + "\">" + s.name() + "</span>";
    }

    /** An anchor id built from a check id; ids are restricted by the suite, but a record is input too. */
    static String anchor(String prefix, String id) {
        StringBuilder out = new StringBuilder(prefix);
        for (char c : id.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' ? c : '_');
        }
        return out.toString();
    }

    /** A link to a file of the run folder, or the path as text when it cannot be linked safely. */
    static String fileLink(String path, String label) {
        return ArtifactLinks.href(path)
                .map(href -> "<a href=\"" + h(href) + "\">" + h(label) + "</a>")
                .orElse("<code>" + h(path) + "</code>");
    }

    static String runbookLink(String playbook) {
        String path = "playbooks/" + playbook + ".md";
        return fileLink(path, playbook);
    }

    static String artifactLinks(List<Artifact> artifacts) {
        StringBuilder s = new StringBuilder();
        for (Artifact a : artifacts) {
            String label = a.kind().isEmpty() ? a.path() : a.kind();
            s.append("<li>").append(fileLink(a.path(), label));
            if (!a.description().isEmpty()) {
                s.append(" <span class=\"muted\">").append(h(a.description())).append("</span>");
            }
            s.append("</li>");
        }
        return s.isEmpty() ? "" : "<ul class=\"files\">" + s + "</ul>";
    }

    /** Details are lines a check wrote (often what the site said): kept verbatim, in monospace. */
    static String detailLines(List<String> details) {
        if (details.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("<ul class=\"details\">");
        int shown = Math.min(details.size(), 12);
        for (int i = 0; i < shown; i++) {
            s.append("<li>").append(h(details.get(i))).append("</li>");
        }
        s.append("</ul>");
        if (details.size() > shown) {
            s.append("<details class=\"more\"><summary>").append(details.size() - shown)
                    .append(" more lines</summary><ul class=\"details\">");
            for (int i = shown; i < details.size(); i++) {
                s.append("<li>").append(h(details.get(i))).append("</li>");
            }
            s.append("</ul></details>");
        }
        return s.toString();
    }
}
