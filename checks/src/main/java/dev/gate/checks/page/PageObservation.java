package dev.gate.checks.page;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the browser saw of one page, before any judgement.
 *
 * @param loaded           whether the load event fired within the timeout
 * @param mainStatus       the status of the final document response, or 0 if none arrived
 * @param mainFailure      why the document did not arrive, when it did not
 * @param redirects        the URLs the document was redirected through, in order
 * @param missingSelectors the expected selectors that were not visible when the page was judged
 * @param missingTexts     the expected texts that were not on the page
 * @param consoleErrors    console errors, each with its source location when known
 * @param pageErrors       uncaught exceptions, as the browser reported them
 * @param html             the rendered DOM, for the commit marker (empty when not asked for)
 * @param metrics          timings and sizes: ttfb_ms, dom_content_loaded_ms, load_ms, lcp_ms, cls,
 *                         requests, bytes, dom_nodes
 * @param assets           same-origin asset URLs the page loaded successfully
 * @param assetWeights     each script and stylesheet the page loaded, with what it transferred
 * @param navigations      how often the main frame navigated (1 for a page that loads once)
 * @param scriptBusy       whether the page had to be closed over its timeout because its script
 *                         never yielded the browser: then the rest is what was seen until then
 */
public record PageObservation(
        String url,
        String finalUrl,
        boolean loaded,
        int mainStatus,
        String mainFailure,
        List<String> redirects,
        String title,
        List<String> missingSelectors,
        List<String> missingTexts,
        List<String> consoleErrors,
        List<String> pageErrors,
        List<FailedRequest> failedRequests,
        Optional<String> html,
        Optional<String> commitHeader,
        Map<String, Double> metrics,
        List<String> assets,
        List<AssetWeight> assetWeights,
        int navigations,
        boolean scriptBusy) {

    public PageObservation {
        redirects = List.copyOf(redirects);
        missingSelectors = List.copyOf(missingSelectors);
        missingTexts = List.copyOf(missingTexts);
        consoleErrors = List.copyOf(consoleErrors);
        pageErrors = List.copyOf(pageErrors);
        failedRequests = List.copyOf(failedRequests);
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        assets = List.copyOf(assets);
        assetWeights = List.copyOf(assetWeights);
    }

    /** What the page's code weighed, unknown when it was never measured. */
    public PageWeight weight() {
        return PageWeight.of(metrics, assetWeights);
    }
}
