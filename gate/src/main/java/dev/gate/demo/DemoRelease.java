package dev.gate.demo;

import java.util.Map;
import java.util.Set;

/**
 * One release of the demo shop: a commit in the demo repository, and what it breaks.
 *
 * @param files the files the commit changes, with their new content
 */
public record DemoRelease(String version, String subject, String author, Set<Fault> faults, Map<String, String> files) {
    public DemoRelease {
        faults = Set.copyOf(faults);
        files = Map.copyOf(files);
    }

    public boolean has(Fault fault) {
        return faults.contains(fault);
    }
}
