package dev.gate.checks.page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compares what a key page's JavaScript and CSS weigh now with what they weighed in the baseline.
 * A type that grew by more than the suite allows, in proportion and in bytes, is one finding that
 * names the assets that grew most, matched across builds by their name without its content hash.
 * A pure function, tested without a browser.
 */
public final class PageWeightJudge {
    /** Assets named in the line; the rest are counted. */
    static final int NAMED = 3;
    public static final String PLAYBOOK = "page-weight";

    private final PageWeightSpec spec;
    private final PageWeight before;

    public PageWeightJudge(PageWeightSpec spec, PageWeight before) {
        this.spec = spec;
        this.before = before;
    }

    /** One finding per type that grew too much; none when the page was not measured on either side. */
    public List<PageFinding> judge(String pagePath, PageWeight now) {
        List<PageFinding> findings = new ArrayList<>();
        if (!spec.enabled()) {
            return findings;
        }
        for (WeighedType type : WeighedType.values()) {
            Optional<Long> was = before.total(type);
            Optional<Long> is = now.total(type);
            if (was.isEmpty() || is.isEmpty()) {
                continue;
            }
            long delta = is.get() - was.get();
            // from nothing, any code is growth beyond every proportion: the floor in bytes decides alone
            boolean tooMuch = delta > spec.minDelta() && (was.get() == 0 || delta > spec.maxGrowth() * was.get());
            if (tooMuch) {
                findings.add(new PageFinding(spec.check(), line(pagePath, type, was.get(), is.get(), now), PLAYBOOK));
            }
        }
        return findings;
    }

    private String line(String pagePath, WeighedType type, long was, long is, PageWeight now) {
        String growth = was == 0 ? "" : String.format(Locale.ROOT, " %+.0f%%", 100.0 * (is - was) / was);
        StringBuilder s = new StringBuilder(pagePath + ": " + type.label() + growth + " since the baseline ("
                + size(was) + " → " + size(is) + "; more than +" + Math.round(spec.maxGrowth() * 100) + "% warns)");
        List<String> grew = grownAssets(type, now);
        if (!grew.isEmpty()) {
            s.append(": ").append(String.join(", ", grew.subList(0, Math.min(NAMED, grew.size()))));
            if (grew.size() > NAMED) {
                s.append(" and ").append(grew.size() - NAMED).append(" more");
            }
        }
        return s.toString();
    }

    /** The assets of {@code type} that are new or heavier, heaviest gain first, each as "name was → is". */
    private List<String> grownAssets(WeighedType type, PageWeight now) {
        Map<String, Long> was = byStableName(before.assets(type));
        Map<String, Long> is = byStableName(now.assets(type));
        record Gain(String name, Optional<Long> was, long is) {
            long delta() {
                return is - was.orElse(0L);
            }
        }
        List<Gain> gains = new ArrayList<>();
        is.forEach((name, bytes) -> {
            Optional<Long> earlier = Optional.ofNullable(was.get(name));
            if (earlier.isEmpty() || bytes > earlier.get()) {
                gains.add(new Gain(name, earlier, bytes));
            }
        });
        gains.sort(Comparator.comparingLong(Gain::delta).reversed().thenComparing(Gain::name));
        return gains.stream().map(g -> g.name() + " " + g.was().map(w -> size(w) + " → " + size(g.is()))
                .orElse("new, " + size(g.is()))).toList();
    }

    private static Map<String, Long> byStableName(List<AssetWeight> assets) {
        Map<String, Long> out = new LinkedHashMap<>();
        // two files whose names differ only in the hash are one asset, in whichever release
        assets.forEach(a -> out.merge(AssetNames.stable(a.path()), a.bytes(), Long::sum));
        return out;
    }

    /** {@code 812 bytes}, {@code 121 KB}, {@code 1.4 MB}. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
