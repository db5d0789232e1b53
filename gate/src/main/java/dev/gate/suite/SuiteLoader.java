package dev.gate.suite;

import dev.gate.checks.page.PageWeightSpec;
import dev.gate.freeze.FreezeCalendar;
import dev.gate.freeze.FreezeWindow;
import dev.gate.freeze.FreezeWindowException;
import dev.gate.checks.api.ApiSpec;
import dev.gate.checks.commit.CommitMarker;
import dev.gate.checks.commit.ConvergeSpec;
import dev.gate.checks.http.TlsPolicy;
import dev.gate.checks.latency.LatencySpec;
import dev.gate.checks.metric.MetricsSpec;
import dev.gate.checks.page.BrowserSpec;
import dev.gate.checks.page.RemoteBrowser;
import dev.gate.checks.page.PageSpec;
import dev.gate.verdict.Policy;
import dev.gate.checks.trend.TripwireSpec;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a suite file into a {@link Suite}, or fails with every problem in it. Nothing is probed
 * here: a suite with a problem never reaches the network.
 */
public final class SuiteLoader {
    private static final int MAX_SUITE_BYTES = 1024 * 1024;

    private final Map<String, String> env;

    /** @param env where {@code ${env:NAME}} takes its values; {@code System.getenv()} in production */
    public SuiteLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public Suite load(Path file) throws SuiteException {
        return load(file, file.toString());
    }

    /** @param label the file as the user named it, for messages */
    public Suite load(Path file, String label) throws SuiteException {
        String text;
        try {
            if (Files.size(file) > MAX_SUITE_BYTES) {
                throw single(label, "the file is larger than 1 MB; is it really a suite?");
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw single(label, "no such file");
        } catch (CharacterCodingException e) {
            throw single(label, "the file is not UTF-8 text");
        } catch (IOException e) {
            throw single(label, "cannot read the file: " + e.getMessage());
        }
        return parse(text, file, label);
    }

    public Suite parse(String yaml, Path file) throws SuiteException {
        return parse(yaml, file, file.toString());
    }

    private Suite parse(String yaml, Path file, String label) throws SuiteException {
        Reading reading = new Reading(label, env);
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // reported by SuiteNode with both lines
            options.setMaxAliasesForCollections(20);
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            reading.problem(mark, "invalid YAML: " + e.getProblem()
                    + (e.getContext() != null ? " (" + e.getContext() + ")" : ""));
            throw new SuiteException(reading.problems());
        } catch (YAMLException e) {
            reading.problem(null, "invalid YAML: " + e.getMessage());
            throw new SuiteException(reading.problems());
        }
        if (root == null) {
            reading.problem(null, "the suite is empty: it needs at least \"target\" and one page");
            throw new SuiteException(reading.problems());
        }
        SuiteNode top = new SuiteNode(root, "", reading);
        if (!top.expectMap()) {
            throw new SuiteException(reading.problems());
        }
        Suite suite = read(top, file, reading);
        if (!reading.problems().isEmpty()) {
            throw new SuiteException(reading.problems());
        }
        return suite;
    }

    private Suite read(SuiteNode top, Path file, Reading reading) {
        Path folder = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("."));
        String name = top.get("name").flatMap(SuiteNode::text).orElse(defaultName(file));
        URI target = top.get("target").flatMap(SuiteLoader::target).orElse(null);
        if (!top.has("target")) {
            reading.problem(1, 1, "missing \"target\": the URL of the site to check, such as https://shop.example.com");
        }
        Timeouts timeouts = timeouts(top);
        Ids ids = new Ids();
        RetryCounts retries = RetryCounts.of(top);
        boolean hasLogin = top.has("login");
        List<PageSpec> pages = top.get("pages").map(n -> PagesReader.read(n, ids, retries, hasLogin)).orElse(List.of());
        List<ApiSpec> apis = top.get("apis").map(n -> ApisReader.read(n, ids, retries, hasLogin)).orElse(List.of());
        CommitReader.Section commit = top.get("commit").map(CommitReader::read).orElse(CommitReader.Section.DEFAULT);
        CommitMarker marker = commit.marker();
        ConvergeSpec converge = commit.converge();
        if (pages.isEmpty() && apis.isEmpty()) {
            reading.problem(1, 1, "the suite checks nothing: add at least one entry under \"pages\" (or \"apis\")");
        } else if (pages.isEmpty() && marker.readFromPages()) {
            reading.problem(1, 1, "the commit marker " + marker.describe()
                    + " is read from key pages, and there are none: add a page, or set commit.marker to { json: /version, field: commit }");
        }
        LatencySpec latency = top.get("latency").map(n -> LatencyReader.read(n, pages, apis)).orElse(LatencySpec.NONE);
        MetricsSpec metrics = top.get("metrics").map(n -> MetricsReader.read(n, ids, timeouts.run())).orElse(MetricsSpec.NONE);
        OnFailure onFailure = onFailure(top, folder);
        BrowserSpec browser = browser(top, folder);
        int parallel = top.get("pages_parallel").flatMap(n -> n.integer(1, 16)).orElse(4);
        OldAssetsSpec oldAssets = top.get("old_assets").map(OldAssetsSpec::read).orElse(OldAssetsSpec.DEFAULT);
        PageWeightSpec pageWeight = top.get("page_weight").map(PageWeightReader::read).orElse(PageWeightSpec.DEFAULT);
        TlsPolicy tls = tls(top);
        Policy policy = policy(top);
        Set<String> listedSecrets = new LinkedHashSet<>(top.get("secrets").map(SuiteNode::strings).orElse(List.of()));
        FreezeCalendar freeze = top.get("freeze").map(SuiteLoader::freeze).orElse(FreezeCalendar.none());
        Optional<Path> playbooks = top.get("playbooks").flatMap(SuiteNode::text).map(folder::resolve);
        HistoryReader.Section history = top.get("history").map(n -> HistoryReader.history(n, folder))
                .orElse(new HistoryReader.Section(HistorySpec.DEFAULT, Set.of()));
        listedSecrets.addAll(history.secrets());
        TripwireSpec tripwire = top.get("tripwire").map(HistoryReader::tripwire).orElse(TripwireSpec.DEFAULT);
        NotifyReader.Section notify = top.get("notify").map(NotifyReader::read).orElse(NotifyReader.Section.NONE);
        Optional<dev.gate.checks.page.LoginSpec> login = top.get("login").flatMap(LoginReader::read);
        top.rejectUnknownKeys();
        Set<String> secrets = new LinkedHashSet<>(reading.secrets());
        secrets.addAll(listedSecrets);
        secrets.addAll(notify.secrets());
        // a header to Prometheus is its credentials, written in the suite or not
        secrets.addAll(metrics.headers().values());
        // a grid's token rides in the connect URL's query string, written in the suite or not
        browser.connect().ifPresent(remote -> secrets.addAll(remote.secrets()));
        if (target == null) {
            return null;
        }
        return new Suite(file, name, target, timeouts, marker, converge, pages, apis, latency, onFailure,
                browser, parallel, oldAssets, tls, policy, secrets, freeze, playbooks, retries.byId(), history.spec(), tripwire,
                notify.targets(), login, metrics, pageWeight);
    }

    private static FreezeCalendar freeze(SuiteNode list) {
        List<FreezeWindow> windows = new ArrayList<>();
        for (SuiteNode item : list.items(true)) {
            item.text().ifPresent(t -> {
                try {
                    windows.add(FreezeWindow.parse(t));
                } catch (FreezeWindowException e) {
                    item.problem(e.getMessage());
                }
            });
        }
        return new FreezeCalendar(windows);
    }

    private static String defaultName(Path file) {
        String base = file.getFileName() == null ? "suite" : file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    static Optional<URI> target(SuiteNode node) {
        return node.text().flatMap(t -> {
            try {
                URI uri = new URI(t.trim());
                String scheme = uri.getScheme();
                if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                    node.problem("\"" + t + "\" is not an http:// or https:// URL");
                    return Optional.empty();
                }
                if (uri.getHost() == null || uri.getHost().isEmpty()) {
                    node.problem("\"" + t + "\" has no host name");
                    return Optional.empty();
                }
                if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                    node.problem("\"" + t + "\": the target may not have a query or fragment; put those in page paths");
                    return Optional.empty();
                }
                String s = uri.toString();
                return Optional.of(URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s));
            } catch (URISyntaxException e) {
                node.problem("\"" + t + "\" is not a URL: " + e.getReason());
                return Optional.empty();
            }
        });
    }

    private static Timeouts timeouts(SuiteNode top) {
        Optional<SuiteNode> node = top.get("timeouts");
        if (node.isEmpty() || !node.get().expectMap()) {
            return Timeouts.DEFAULT;
        }
        SuiteNode t = node.get();
        Duration request = t.get("request").flatMap(SuiteNode::duration).orElse(Timeouts.DEFAULT.request());
        Duration page = t.get("page").flatMap(SuiteNode::duration).orElse(Timeouts.DEFAULT.page());
        Duration run = t.get("run").flatMap(SuiteNode::duration).orElse(Timeouts.DEFAULT.run());
        t.rejectUnknownKeys();
        return new Timeouts(request, page, run);
    }

    private static OnFailure onFailure(SuiteNode top, Path folder) {
        List<String> rollback = new ArrayList<>();
        Duration timeout = Duration.ofMinutes(10);
        Optional<Path> postmortems = Optional.empty();
        Optional<SuiteNode> node = top.get("on_failure");
        if (node.isPresent() && node.get().expectMap()) {
            SuiteNode f = node.get();
            Optional<SuiteNode> command = f.get("rollback");
            if (command.isPresent()) {
                if (command.get().isList()) {
                    rollback.addAll(command.get().strings());
                    if (rollback.isEmpty()) {
                        command.get().problem("the rollback command is empty");
                    }
                } else {
                    command.get().problem("expected an argument vector such as [\"./deploy/rollback.sh\", \"--to\", \"previous\"]; "
                            + "gate runs no shell, so write [\"sh\", \"-c\", \"...\"] if you need one");
                }
            }
            timeout = f.get("rollback_timeout").flatMap(SuiteNode::duration).orElse(timeout);
            postmortems = f.get("postmortems").flatMap(SuiteNode::text).map(folder::resolve);
            f.rejectUnknownKeys();
        }
        return new OnFailure(rollback, timeout, postmortems);
    }

    private static BrowserSpec browser(SuiteNode top, Path folder) {
        Optional<SuiteNode> node = top.get("browser");
        if (node.isEmpty() || !node.get().expectMap()) {
            return BrowserSpec.DEFAULT;
        }
        SuiteNode b = node.get();
        Optional<Path> executable = b.get("executable").flatMap(SuiteNode::text).map(folder::resolve);
        boolean always = b.get("screenshots").flatMap(n -> n.oneOf(Screenshots.class))
                .map(s -> s == Screenshots.ALWAYS).orElse(false);
        Optional<RemoteBrowser> connect = RemoteBrowserReader.read(b);
        b.rejectUnknownKeys();
        return new BrowserSpec(executable, always, connect);
    }

    /** Written {@code screenshots: on-failure | always}. */
    enum Screenshots {
        ON_FAILURE,
        ALWAYS
    }

    /** Written {@code policy: { errors: block | warn }}. */
    enum ErrorHandling {
        BLOCK,
        WARN
    }

    private static TlsPolicy tls(SuiteNode top) {
        Optional<SuiteNode> node = top.get("tls");
        if (node.isEmpty() || !node.get().expectMap()) {
            return TlsPolicy.VERIFY;
        }
        boolean insecure = node.get().get("insecure").flatMap(SuiteNode::bool).orElse(false);
        node.get().rejectUnknownKeys();
        return insecure ? TlsPolicy.INSECURE : TlsPolicy.VERIFY;
    }

    private static Policy policy(SuiteNode top) {
        Optional<SuiteNode> node = top.get("policy");
        if (node.isEmpty() || !node.get().expectMap()) {
            return Policy.FAIL_CLOSED;
        }
        ErrorHandling errors = node.get().get("errors").flatMap(n -> n.oneOf(ErrorHandling.class)).orElse(ErrorHandling.BLOCK);
        node.get().rejectUnknownKeys();
        return new Policy(errors == ErrorHandling.BLOCK);
    }

    private static SuiteException single(String file, String message) {
        return new SuiteException(List.of(new ConfigProblem(file, 1, 1, message)));
    }
}
