package dev.gate.suite;

import dev.gate.checks.commit.CommitMarker;
import dev.gate.checks.commit.ConvergeSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code commit:}: where the marker is and how long to wait for a rollout. */
final class CommitReader {
    static final CommitMarker DEFAULT_MARKER = new CommitMarker.Meta("commit");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");
    private static final List<String> SOURCES = List.of("meta", "selector", "regex", "header", "json");

    record Section(CommitMarker marker, ConvergeSpec converge) {
        static final Section DEFAULT = new Section(DEFAULT_MARKER, ConvergeSpec.DEFAULT);
    }

    private CommitReader() {
    }

    static Section read(SuiteNode commit) {
        if (!commit.expectMap()) {
            return Section.DEFAULT;
        }
        CommitMarker marker = commit.get("marker").map(CommitReader::marker).orElse(DEFAULT_MARKER);
        ConvergeSpec converge = commit.get("converge").map(CommitReader::converge).orElse(ConvergeSpec.DEFAULT)
                .withInstanceHeader(commit.get("instance_header").flatMap(CommitReader::headerName));
        commit.rejectUnknownKeys();
        return new Section(marker, converge);
    }

    private static CommitMarker marker(SuiteNode m) {
        if (!m.expectMap()) {
            return DEFAULT_MARKER;
        }
        Optional<SuiteNode> meta = m.get("meta");
        Optional<SuiteNode> selector = m.get("selector");
        Optional<SuiteNode> regex = m.get("regex");
        Optional<SuiteNode> header = m.get("header");
        Optional<SuiteNode> json = m.get("json");
        Optional<SuiteNode> attribute = m.get("attribute");
        Optional<SuiteNode> field = m.get("field");
        long sources = SOURCES.stream().filter(m::has).count();
        CommitMarker marker = DEFAULT_MARKER;
        if (sources > 1) {
            m.problem("name one marker source, not " + sources + ": one of " + String.join(", ", SOURCES));
        } else if (sources == 0) {
            m.problem("name a marker source: one of " + String.join(", ", SOURCES));
        } else if (meta.isPresent()) {
            marker = meta.get().text().<CommitMarker>map(CommitMarker.Meta::new).orElse(DEFAULT_MARKER);
        } else if (selector.isPresent()) {
            String css = selector.get().text().orElse("");
            validateCss(selector.get(), css);
            marker = new CommitMarker.Selector(css, attribute.flatMap(SuiteNode::text).orElse(""));
        } else if (regex.isPresent()) {
            Optional<Pattern> p = regex.get().regex();
            if (p.isPresent() && p.get().matcher("").groupCount() < 1) {
                regex.get().problem("the regex needs a group: the commit is read from group 1, as in \"build ([0-9a-f]{7,40})\"");
            }
            marker = p.<CommitMarker>map(CommitMarker.Regex::new).orElse(DEFAULT_MARKER);
        } else if (header.isPresent()) {
            marker = header.get().text().<CommitMarker>map(CommitMarker.Header::new).orElse(DEFAULT_MARKER);
        } else {
            String path = json.flatMap(PagesReader::path).orElse("/version");
            marker = new CommitMarker.JsonField(path, field.flatMap(SuiteNode::text).orElse("commit"));
        }
        if (attribute.isPresent() && selector.isEmpty()) {
            attribute.get().problem("\"attribute\" goes with \"selector\" only");
        }
        if (field.isPresent() && json.isEmpty()) {
            field.get().problem("\"field\" goes with \"json\" only");
        }
        m.rejectUnknownKeys();
        return marker;
    }

    private static void validateCss(SuiteNode node, String css) {
        try {
            org.jsoup.select.QueryParser.parse(css);
        } catch (RuntimeException e) {
            node.problem("invalid CSS selector \"" + css + "\": " + e.getMessage());
        }
    }

    /** An HTTP header name (RFC 9110's token), such as {@code X-Instance}. */
    private static Optional<String> headerName(SuiteNode node) {
        return node.text().map(String::trim).filter(name -> {
            if (HEADER_NAME.matcher(name).matches()) {
                return true;
            }
            node.problem("\"" + name + "\" is not a header name: letters, digits and - such as X-Instance");
            return false;
        });
    }

    private static ConvergeSpec converge(SuiteNode c) {
        ConvergeSpec d = ConvergeSpec.DEFAULT;
        if (!c.expectMap()) {
            return d;
        }
        int consecutive = c.get("consecutive").flatMap(n -> n.integer(1, 1000)).orElse(d.consecutive());
        Duration timeout = c.get("timeout").flatMap(SuiteNode::duration).orElse(d.timeout());
        Duration interval = c.get("interval").flatMap(SuiteNode::duration).orElse(d.interval());
        c.rejectUnknownKeys();
        return new ConvergeSpec(consecutive, timeout, interval);
    }
}
