package dev.gate.checks.page;

import java.util.List;
import java.util.stream.Stream;

/**
 * The Chromium features the gate's browser runs without, as one {@code --disable-features} switch.
 * Chromium 156 opens two omnibox pop-up pages (browser UI, chrome://omnibox-popup.top-chrome) for
 * every browser context, so every key page cost three renderers instead of one; a headless browser
 * has no address bar to pop anything up from. Chromium reads only the last {@code --disable-features}
 * on its command line, and Playwright passes its own list first, so this switch repeats Playwright's
 * list (a test holds it to the driver's) and adds the two.
 */
final class DisabledFeatures {
    /** Playwright's own list, from its driver's chromiumSwitches. */
    static final List<String> PLAYWRIGHT = List.of("AvoidUnnecessaryBeforeUnloadCheckSync",
            "BoundaryEventDispatchTracksNodeRemoval", "DestroyProfileOnBrowserClose", "DialMediaRouteProvider",
            "GlobalMediaControls", "HttpsUpgrades", "LensOverlay", "MediaRouter", "PaintHolding",
            "ThirdPartyStoragePartitioning", "BlockOriginHeaderModificationOnRedirect", "Translate", "AutoDeElevate",
            "OptimizationHints", "msForceBrowserSignIn", "msEdgeUpdateLaunchServicesPreferredVersion");
    static final List<String> OMNIBOX_POPUPS = List.of("WebUIOmniboxPopup", "WebUIOmniboxAimPopup");

    private DisabledFeatures() {
    }

    static String launchArg() {
        return "--disable-features=" + String.join(",", Stream.concat(PLAYWRIGHT.stream(), OMNIBOX_POPUPS.stream()).toList());
    }
}
