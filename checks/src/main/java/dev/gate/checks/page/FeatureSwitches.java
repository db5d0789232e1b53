package dev.gate.checks.page;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Chromium features the gate's browser runs with and without, as one {@code --disable-features}
 * and one {@code --enable-features} switch. Chromium reads only the last of each on its command
 * line, and Playwright passes its own first, so these repeat Playwright's lists (a test holds them
 * to the driver's) and add the gate's:
 *
 * <ul>
 *   <li>Off: Chromium 156's two omnibox pop-up pages (browser UI, chrome://omnibox-popup.top-chrome),
 *       opened for every browser context, so every key page cost three renderers instead of one;
 *       a headless browser has no address bar to pop anything up from. And the spare renderer,
 *       a process started ahead for the next renderer Chromium needs: the session opens its tabs
 *       ahead itself and then keeps them, so the spare mostly sat there (~70 MB resident); a
 *       context of its own or a frame of another site now waits for its process to start.</li>
 *   <li>On: the network service in the browser's own process instead of one of its own, as on a
 *       phone (~70 MB resident of a 30-page verify). The price: Chromium no longer restarts a
 *       crashed network service by itself; the browser is lost, its pages in flight fail (and
 *       block), and the session starts a new one for the rest.</li>
 * </ul>
 */
final class FeatureSwitches {
    /** Playwright's own list, from its driver's chromiumSwitches. */
    static final List<String> PLAYWRIGHT_DISABLED = List.of("AvoidUnnecessaryBeforeUnloadCheckSync",
            "BoundaryEventDispatchTracksNodeRemoval", "DestroyProfileOnBrowserClose", "DialMediaRouteProvider",
            "GlobalMediaControls", "HttpsUpgrades", "LensOverlay", "MediaRouter", "PaintHolding",
            "ThirdPartyStoragePartitioning", "BlockOriginHeaderModificationOnRedirect", "Translate", "AutoDeElevate",
            "OptimizationHints", "msForceBrowserSignIn", "msEdgeUpdateLaunchServicesPreferredVersion");
    /** ... and the one it turns on (screenshots of the page's own surface). */
    static final List<String> PLAYWRIGHT_ENABLED = List.of("CDPScreenshotNewSurface");
    static final List<String> OMNIBOX_POPUPS = List.of("WebUIOmniboxPopup", "WebUIOmniboxAimPopup");
    static final String SPARE_RENDERER = "SpareRendererForSitePerProcess";
    static final String NETWORK_IN_PROCESS = "NetworkServiceInProcess2";

    private FeatureSwitches() {
    }

    /** @param env the driver's environment: with {@code PLAYWRIGHT_LEGACY_SCREENSHOT} set, Playwright leaves its feature out, and so does this */
    static List<String> launchArgs(Map<String, String> env) {
        List<String> off = Stream.of(PLAYWRIGHT_DISABLED, OMNIBOX_POPUPS, List.of(SPARE_RENDERER))
                .flatMap(List::stream).toList();
        boolean legacyScreenshots = !env.getOrDefault("PLAYWRIGHT_LEGACY_SCREENSHOT", "").isEmpty();
        List<String> on = Stream.concat(legacyScreenshots ? Stream.empty() : PLAYWRIGHT_ENABLED.stream(),
                Stream.of(NETWORK_IN_PROCESS)).toList();
        return List.of("--disable-features=" + String.join(",", off), "--enable-features=" + String.join(",", on));
    }
}
