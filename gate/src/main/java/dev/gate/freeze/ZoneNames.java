package dev.gate.freeze;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a time zone the way a person writes one, and says what was probably meant when it is not one. */
final class ZoneNames {
    /** CET, CEST, PDT: abbreviations, which name a season's offset rather than a place's clocks. */
    private static final Pattern ABBREVIATION = Pattern.compile("[A-Z]{3,5}");

    private ZoneNames() {
    }

    static ZoneId zone(String name) throws FreezeWindowException {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            // fall through to the friendlier readings below
        }
        Set<String> ids = ZoneId.getAvailableZoneIds();
        for (String id : ids) {
            if (id.equalsIgnoreCase(name)) {
                return ZoneId.of(id);
            }
        }
        if (ABBREVIATION.matcher(name).matches()) {
            throw new FreezeWindowException("\"" + name + "\" is an abbreviation, not a time zone: use a name such as "
                    + "\"Europe/Copenhagen\", whose clocks follow summer time, or \"UTC\"");
        }
        Optional<String> meant = city(name, ids).or(() -> dev.gate.text.Closest.to(name, ids));
        throw new FreezeWindowException("unknown time zone \"" + name + "\"" + meant
                .map(id -> "; did you mean \"" + id + "\"?")
                .orElse(": expected an IANA name such as \"Europe/Copenhagen\" or \"UTC\""));
    }

    /** "Copenhagen" for "Europe/Copenhagen", "new_york" for "America/New_York". */
    private static Optional<String> city(String name, Set<String> ids) {
        String wanted = name.replace(' ', '_').toLowerCase(Locale.ROOT);
        List<String> matches = ids.stream()
                .filter(id -> id.substring(id.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT).equals(wanted))
                .sorted()
                .toList();
        // the canonical name first: "Europe/Copenhagen" rather than an old alias of it
        return matches.stream().filter(id -> !id.startsWith("Etc/") && !id.startsWith("SystemV/")).findFirst()
                .or(() -> matches.stream().findFirst());
    }
}
