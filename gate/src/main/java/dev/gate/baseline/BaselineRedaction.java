package dev.gate.baseline;

import dev.gate.checks.page.AssetWeight;
import dev.gate.checks.Redactor;
import dev.gate.run.EndpointSamples;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Removes every secret from a baseline before it is written: the action uploads the file as an
 * artifact, and a page or API with {@code ?key=${env:KEY}} would otherwise put the key in it.
 *
 * <p>What the baseline is used for survives: latency is matched by endpoint id and labelled by
 * path alone, so a masked query costs nothing. An asset URL is different: the old-assets check
 * asks for it again after the deploy, and a masked one would ask for the wrong thing, so an asset
 * whose URL holds a secret is left out rather than kept masked.
 */
final class BaselineRedaction {
    private final Redactor redactor;

    BaselineRedaction(Redactor redactor) {
        this.redactor = redactor;
    }

    Baseline apply(Baseline b) {
        if (redactor.isEmpty()) {
            return b;
        }
        Map<String, EndpointSamples> endpoints = new LinkedHashMap<>();
        b.endpoints().forEach((id, e) -> endpoints.put(id,
                new EndpointSamples(e.id(), e.method(), redactor.redact(e.url()), e.totalMs(), e.ttfbMs())));
        Map<String, PageFacts> pages = new LinkedHashMap<>();
        b.pages().forEach((id, p) -> pages.put(id, new PageFacts(p.id(), redactor.redact(p.url()),
                p.assets().stream().filter(a -> redactor.redact(a).equals(a)).toList(), p.metrics(),
                p.assetWeights().map(ws -> ws.stream().map(w -> new AssetWeight(redactor.redact(w.path()), w.type(), w.bytes()))
                        .toList()))));
        Optional<ManifestFacts> manifest = b.manifest().map(m -> new ManifestFacts(redactor.redact(m.url()), m.format(),
                m.listed(), m.assets().stream().filter(a -> redactor.redact(a.url()).equals(a.url())).toList(),
                m.problem().map(redactor::redact)));
        return new Baseline(b.schema(), b.takenAt(), redactor.redact(b.target()), b.liveCommit(), endpoints, pages,
                b.suiteFile(), manifest);
    }
}
