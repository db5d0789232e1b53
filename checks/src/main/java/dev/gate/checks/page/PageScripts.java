package dev.gate.checks.page;

/** JavaScript the gate runs in pages to measure them. */
final class PageScripts {
    private PageScripts() {
    }

    /**
     * Installed before any page script runs: records Largest Contentful Paint and Cumulative
     * Layout Shift, which are only observable from inside the page, and makes room for every
     * resource's timing.
     */
    static final String OBSERVE_VITALS = """
            (() => { try {
              // the browser keeps 250 resource timings by default: a busy page's weight would be cut short
              performance.setResourceTimingBufferSize(5000);
              window.__gateCls = 0;
              new PerformanceObserver(list => {
                for (const e of list.getEntries()) { window.__gateLcp = e.renderTime || e.loadTime || e.startTime; }
              }).observe({type: 'largest-contentful-paint', buffered: true});
              new PerformanceObserver(list => {
                for (const e of list.getEntries()) { if (!e.hadRecentInput) { window.__gateCls += e.value; } }
              }).observe({type: 'layout-shift', buffered: true});
            } catch (e) { /* an old engine without these observers: the metrics stay empty */ } })();
            """;

    /** Timings and sizes of the loaded page, in milliseconds and bytes. */
    static final String METRICS = """
            () => {
              const n = performance.getEntriesByType('navigation')[0];
              const resources = performance.getEntriesByType('resource');
              let bytes = n ? (n.transferSize || 0) : 0;
              for (const r of resources) { bytes += r.transferSize || 0; }
              const out = { dom_nodes: document.getElementsByTagName('*').length, bytes: bytes,
                            cls: window.__gateCls || 0 };
              // page weight by type, for the history: <type>_bytes and <type>_requests
              const typeOf = r => {
                let path = '';
                try { path = new URL(r.name).pathname.toLowerCase(); } catch (e) { }
                const by = r.initiatorType;
                // a font or an image a stylesheet asked for has the initiator 'css' too: the file says what it is
                if (/\\.(woff2?|ttf|otf|eot)$/.test(path)) return 'font';
                if (/\\.(png|jpe?g|gif|webp|avif|svg|ico)$/.test(path) || by === 'img' || by === 'image') return 'image';
                if (/\\.m?js$/.test(path) || by === 'script') return 'script';
                if (/\\.css$/.test(path) || by === 'link') return 'stylesheet';
                if (by === 'fetch' || by === 'xmlhttprequest' || by === 'beacon') return 'fetch';
                return 'other';
              };
              // each script and stylesheet, so a page that grew can name what grew; the query
              // string is left out, for it may carry a token
              out.asset_weights = [];
              for (const r of resources) {
                const t = typeOf(r);
                out[t + '_bytes'] = (out[t + '_bytes'] || 0) + (r.transferSize || 0);
                out[t + '_requests'] = (out[t + '_requests'] || 0) + 1;
                if ((t === 'script' || t === 'stylesheet') && out.asset_weights.length < 200) {
                  let where = r.name;
                  try {
                    const u = new URL(r.name);
                    where = u.origin === location.origin ? u.pathname : u.origin + u.pathname;
                  } catch (e) { }
                  out.asset_weights.push([where, t, r.transferSize || 0]);
                }
              }
              if (n) {
                out.ttfb_ms = n.responseStart;
                out.dom_content_loaded_ms = n.domContentLoadedEventEnd;
                out.load_ms = n.loadEventEnd;
              }
              if (window.__gateLcp) { out.lcp_ms = window.__gateLcp; }
              return out;
            }
            """;

    static final String BODY_TEXT = "() => document.body ? document.body.innerText.slice(0, 5000000) : ''";

    /** The rendered DOM, cut at 5 MB. */
    static final String HTML_HEAD = "() => document.documentElement.outerHTML.slice(0, 5000000)";

    /** What a finished page shows, in one call: its title, {@link #METRICS} and, when asked for, {@link #HTML_HEAD}. */
    static final String OBSERVE = "withHtml => ({ title: document.title, metrics: (" + METRICS.strip() + ")(), html: withHtml ? ("
            + HTML_HEAD + ")() : null })";

    /**
     * The selectors a plain {@code querySelector} cannot show to be visible: not CSS (Playwright's
     * own selectors), not found (it may be in a shadow root, which Playwright's CSS pierces), or not
     * visible by Playwright's rule (a box with an area, {@code visibility: visible}, not hidden by
     * {@code checkVisibility}). Only these are asked of Playwright, whose answer is the one that counts;
     * it is much the slower, as the first locator call injects its script into every new document.
     */
    static final String UNCONFIRMED = """
            sels => sels.filter(s => {
              try {
                const e = document.querySelector(s);
                if (!e) return true;
                const r = e.getBoundingClientRect();
                const visible = r.width > 0 && r.height > 0 && getComputedStyle(e).visibility === 'visible'
                  && (!e.checkVisibility || e.checkVisibility());
                return !visible;
              } catch (x) { return true; }
            })
            """;

    /**
     * {@link #OBSERVE} and the content checks in one call (one round trip of the session's thread,
     * and in a trace one pair of snapshots): adds {@code unconfirmed} ({@link #UNCONFIRMED}) and,
     * when asked for, the body's {@code text}.
     */
    static final String LOOK = "a => { const seen = (" + OBSERVE + ")(a.html); seen.unconfirmed = (" + UNCONFIRMED.strip()
            + ")(a.selectors); seen.text = a.text ? (" + BODY_TEXT + ")() : null; return seen; }";
}
