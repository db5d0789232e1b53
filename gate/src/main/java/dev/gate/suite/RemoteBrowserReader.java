package dev.gate.suite;

import dev.gate.checks.page.RemoteBrowser;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads {@code browser.connect} (a Playwright server's {@code ws://} or {@code wss://} URL) and
 * {@code browser.connect_timeout}. A message quotes the URL only as {@link RemoteBrowser#shown},
 * since a grid's token rides in its query string.
 */
final class RemoteBrowserReader {
    private RemoteBrowserReader() {
    }

    static Optional<RemoteBrowser> read(SuiteNode browser) {
        Optional<URI> endpoint = browser.get("connect").flatMap(RemoteBrowserReader::endpoint);
        Optional<SuiteNode> timeoutNode = browser.get("connect_timeout");
        Optional<Duration> timeout = timeoutNode.flatMap(SuiteNode::duration);
        if (timeoutNode.isPresent() && !browser.has("connect")) {
            timeoutNode.get().problem("is the time to reach a remote browser: set browser.connect too");
        }
        return endpoint.map(uri -> new RemoteBrowser(uri, timeout.orElse(RemoteBrowser.DEFAULT_CONNECT_TIMEOUT)));
    }

    private static Optional<URI> endpoint(SuiteNode node) {
        return node.text().flatMap(t -> {
            URI uri;
            try {
                uri = new URI(t.trim());
            } catch (URISyntaxException e) {
                node.problem("not a URL (" + e.getReason() + " at index " + e.getIndex()
                        + "); expected the ws:// or wss:// URL of a Playwright server, such as ws://grid:3000/");
                return Optional.empty();
            }
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("ws") || scheme.equalsIgnoreCase("wss"))) {
                node.problem("\"" + RemoteBrowser.shown(uri) + "\" is not a ws:// or wss:// URL; "
                        + "expected the URL of a Playwright server, such as ws://grid:3000/");
                return Optional.empty();
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                node.problem("\"" + RemoteBrowser.shown(uri) + "\" has no host name");
                return Optional.empty();
            }
            return Optional.of(uri);
        });
    }
}
