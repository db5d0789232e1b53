package dev.gate.checks.commit;

import dev.gate.checks.Redactor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gate.checks.http.ProbeResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** Reads a {@link CommitMarker} out of one HTTP response. */
public final class CommitMarkerReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Far more than any sane regex needs on a page, little enough to keep the gate's time bounded. */
    private static final java.time.Duration REGEX_BUDGET = java.time.Duration.ofSeconds(2);

    private final CommitMarker marker;
    private final Redactor redactor;

    /** @param redactor the suite's: a marker value is quoted cut, and it is masked before it is cut */
    public CommitMarkerReader(CommitMarker marker, Redactor redactor) {
        this.marker = marker;
        this.redactor = redactor;
    }

    public MarkerReading read(ProbeResponse response) {
        if (marker instanceof CommitMarker.Header h) {
            return fromText(response.header(h.name()), "no " + h.name() + " header in the response");
        }
        if (marker instanceof CommitMarker.JsonField j) {
            return fromJson(response, j);
        }
        if (marker instanceof CommitMarker.Regex r) {
            return fromRegex(response.bodyText(), r);
        }
        return fromDocument(Jsoup.parse(response.bodyText(), response.uri().toString()), marker);
    }

    /** Reads the marker from HTML that a browser rendered, for the page check. */
    public MarkerReading readHtml(String html) {
        if (marker instanceof CommitMarker.Regex r) {
            return fromRegex(html, r);
        }
        if (marker instanceof CommitMarker.Meta || marker instanceof CommitMarker.Selector) {
            return fromDocument(Jsoup.parse(html), marker);
        }
        return MarkerReading.missing(marker.describe() + " is not in the HTML");
    }

    private MarkerReading fromDocument(Document doc, CommitMarker m) {
        if (m instanceof CommitMarker.Meta meta) {
            Elements all = doc.select("meta[name=" + cssQuote(meta.name()) + "]");
            if (all.isEmpty()) {
                return MarkerReading.missing("no " + meta.describe() + " in the page");
            }
            MarkerReading first = fromText(Optional.of(all.get(0).attr("content")), meta.describe() + " has no content");
            return first.commit().map(commit -> disagreeing(meta, commit, all)).orElse(first);
        }
        CommitMarker.Selector s = (CommitMarker.Selector) m;
        Element el = doc.selectFirst(s.css());
        if (el == null) {
            return MarkerReading.missing("selector \"" + s.css() + "\" matches nothing in the page");
        }
        String value = s.attribute().isEmpty() ? el.text() : el.attr(s.attribute());
        return fromText(Optional.of(value), s.describe() + " is empty");
    }

    /**
     * A page that claims two releases is a broken build or a cache mix, not the first of them: the
     * first tag alone would let a page half of which is stale pass as the new release.
     */
    private MarkerReading disagreeing(CommitMarker.Meta meta, CommitId first, Elements all) {
        for (Element other : all.subList(1, all.size())) {
            Optional<CommitId> second = CommitId.parse(other.attr("content").trim());
            if (second.isPresent() && !second.get().sameCommitAs(first)) {
                return MarkerReading.missing("the page has two " + meta.describe() + " tags that disagree, "
                        + first.shortHex() + " and " + second.get().shortHex() + ": a broken build or a cache mix");
            }
        }
        return MarkerReading.found(first);
    }

    private MarkerReading fromRegex(String text, CommitMarker.Regex r) {
        Matcher matcher = r.pattern().matcher(new DeadlineText(text, System.nanoTime() + REGEX_BUDGET.toNanos()));
        try {
            if (!matcher.find()) {
                return MarkerReading.missing(r.describe() + " does not match the page");
            }
        } catch (DeadlineText.Exhausted e) {
            return MarkerReading.missing(r.describe() + " took more than " + REGEX_BUDGET.toSeconds()
                    + "s on the page (it backtracks too much): simplify it");
        }
        if (matcher.groupCount() < 1) {
            return MarkerReading.missing(r.describe() + " has no group 1");
        }
        return fromText(Optional.ofNullable(matcher.group(1)), r.describe() + " group 1 is empty");
    }

    private MarkerReading fromJson(ProbeResponse response, CommitMarker.JsonField j) {
        JsonNode node;
        try {
            node = JSON.readTree(response.body());
        } catch (IOException e) {
            return MarkerReading.missing(j.path() + " did not answer JSON");
        }
        for (String part : j.field().split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        if (node == null || node.isNull() || node.isContainerNode()) {
            return MarkerReading.missing(j.path() + " has no field \"" + j.field() + "\"");
        }
        return fromText(Optional.of(node.asText()), j.describe() + " is empty");
    }

    private MarkerReading fromText(Optional<String> text, String whenMissing) {
        if (text.isEmpty() || text.get().isBlank()) {
            return MarkerReading.missing(whenMissing);
        }
        String value = text.get().trim();
        return CommitId.parse(value)
                .map(MarkerReading::found)
                .orElseGet(() -> MarkerReading.missing("marker value \"" + abbreviate(value) + "\" is not a commit id"));
    }

    private static String cssQuote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Masked, then cut: a secret the site echoes as its marker leaves nothing of itself beside the cut. */
    private String abbreviate(String s) {
        return redactor.cut(s, 59);
    }
}
