package dev.gate.checks.page;

/**
 * The names of a page result's metrics, as the reports and the baseline read them back. The
 * browser-side ones are the keys {@link PageScripts#METRICS} returns.
 */
public final class PageMetrics {
    /** The main document's HTTP status. */
    public static final String STATUS = "status";
    /** The same-origin assets the page loaded: what the old-assets check asks for after the deploy. */
    public static final String ASSETS = "assets";
    public static final String REDIRECTS = "redirects";
    public static final String FINAL_URL = "final_url";
    public static final String TTFB_MS = "ttfb_ms";
    public static final String LOAD_MS = "load_ms";
    public static final String LCP_MS = "lcp_ms";
    /** Cumulative layout shift, unitless: kept unrounded. */
    public static final String CLS = "cls";
    public static final String REQUESTS = "requests";
    /** The document's title, where a result carries it. */
    public static final String TITLE = "title";
    /** Bytes transferred, the document and every resource. */
    public static final String BYTES = "bytes";
    public static final String DOM_NODES = "dom_nodes";
    /** Each script and stylesheet with its transferred bytes: what the page-weight warning names. */
    public static final String ASSET_WEIGHTS = "asset_weights";
    /** Resource types the page's weight is split by: {@code <type>_bytes} and {@code <type>_requests}. */
    public static final java.util.List<String> RESOURCE_TYPES =
            java.util.List.of("script", "stylesheet", "image", "font", "fetch", "other");

    private PageMetrics() {
    }
}
