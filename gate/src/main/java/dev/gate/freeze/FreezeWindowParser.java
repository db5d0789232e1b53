package dev.gate.freeze;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text to {@link FreezeWindow}, with one precise line for each way the text can be wrong. */
final class FreezeWindowParser {
    private static final String DAY = "(\\p{Alpha}+)";
    private static final String TIME = "(\\d{1,2}:\\d{2})";
    private static final String DATE = "(\\d{4}-\\d{1,2}-\\d{1,2})";
    private static final String DASH = "\\s*-\\s*";
    private static final String ZONE = "\\s+([A-Za-z][A-Za-z0-9_/+\\-]*|[+\\-]\\d{1,2}(?::\\d{2})?)";

    private static final String WEEKLY = DAY + "\\s+" + TIME + DASH + "(?:" + DAY + "\\s+)?" + TIME;
    private static final String WHOLE_DAYS = DAY + "(?:" + DASH + DAY + ")?";
    private static final String DATED = DATE + "\\s+" + TIME + DASH + DATE + "\\s+" + TIME;

    private static final Pattern WEEKLY_IN_ZONE = Pattern.compile(WEEKLY + ZONE);
    private static final Pattern WHOLE_DAYS_IN_ZONE = Pattern.compile(WHOLE_DAYS + ZONE);
    private static final Pattern DATED_IN_ZONE = Pattern.compile(DATED + ZONE);
    private static final Pattern WEEKLY_OR_DATED_WITHOUT_ZONE = Pattern.compile(WEEKLY + "|" + DATED);
    private static final Pattern WHOLE_DAYS_WITHOUT_ZONE = Pattern.compile(WHOLE_DAYS);

    private static final int DAY_MINUTES = 24 * 60;

    private FreezeWindowParser() {
    }

    static FreezeWindow parse(String raw) throws FreezeWindowException {
        String text = raw.strip();
        Matcher m;
        if ((m = WEEKLY_IN_ZONE.matcher(text)).matches()) {
            return weekly(text, m);
        }
        if ((m = DATED_IN_ZONE.matcher(text)).matches()) {
            return dated(text, m);
        }
        if ((m = WHOLE_DAYS_IN_ZONE.matcher(text)).matches()) {
            return wholeDays(text, m);
        }
        if (WEEKLY_OR_DATED_WITHOUT_ZONE.matcher(text).matches() || namesOnlyDays(text)) {
            throw new FreezeWindowException("\"" + text + "\" has no time zone: add one, such as \"" + text + " Europe/Copenhagen\" or \""
                    + text + " UTC\"");
        }
        boolean looksDated = !text.isEmpty() && Character.isDigit(text.charAt(0));
        throw new FreezeWindowException("\"" + text + "\" is not a freeze window: expected " + (looksDated
                ? "\"YYYY-MM-DD HH:MM-YYYY-MM-DD HH:MM ZONE\", such as \"2026-12-20 00:00-2027-01-02 08:00 Europe/Copenhagen\""
                : "\"DAY HH:MM-DAY HH:MM ZONE\", such as \"Fri 15:00-Mon 08:00 Europe/Copenhagen\""));
    }

    /** {@code Fri 15:00-Mon 08:00 Europe/Copenhagen}, or {@code Fri 22:00-02:00 UTC} within a day (or overnight). */
    private static FreezeWindow weekly(String text, Matcher m) throws FreezeWindowException {
        DayOfWeek startDay = day(m.group(1));
        int start = minutes(m.group(2), false);
        int end = minutes(m.group(4), true);
        DayOfWeek endDay;
        if (m.group(3) != null) {
            endDay = day(m.group(3));
        } else {
            // "Fri 22:00-02:00" is a night, not a week less four hours
            endDay = end < start ? startDay.plus(1) : startDay;
        }
        ZoneId zone = ZoneNames.zone(m.group(5));
        DayOfWeek fromDay = startDay.plus(start / DAY_MINUTES);
        LocalTime from = LocalTime.ofSecondOfDay(start % DAY_MINUTES * 60L);
        DayOfWeek toDay = endDay.plus(end / DAY_MINUTES);
        LocalTime to = LocalTime.ofSecondOfDay(end % DAY_MINUTES * 60L);
        if (startDay == endDay && start == end) {
            throw new FreezeWindowException("freeze window \"" + text + "\" starts and ends at the same time");
        }
        if (fromDay == toDay && from.equals(to)) {
            // "Mon 00:00-Sun 23:59": a week with no way out, not an empty window
            throw new FreezeWindowException("freeze window \"" + text + "\" covers the whole week: deploys would never be allowed");
        }
        return new WeeklyFreeze(text, fromDay, from, toDay, to, zone);
    }

    /** {@code Sat-Sun UTC} or {@code Sat UTC}: from the start of the first day to the end of the last. */
    private static FreezeWindow wholeDays(String text, Matcher m) throws FreezeWindowException {
        DayOfWeek first = day(m.group(1));
        DayOfWeek last = m.group(2) == null ? first : day(m.group(2));
        ZoneId zone = ZoneNames.zone(m.group(3));
        DayOfWeek after = last.plus(1);
        if (after == first) {
            throw new FreezeWindowException("freeze window \"" + text + "\" covers the whole week: deploys would never be allowed");
        }
        return new WeeklyFreeze(text, first, LocalTime.MIDNIGHT, after, LocalTime.MIDNIGHT, zone);
    }

    /** {@code 2026-12-20 00:00-2027-01-02 08:00 Europe/Copenhagen}: once. */
    private static FreezeWindow dated(String text, Matcher m) throws FreezeWindowException {
        LocalDateTime start = date(m.group(1)).atStartOfDay().plusMinutes(minutes(m.group(2), false));
        LocalDateTime end = date(m.group(3)).atStartOfDay().plusMinutes(minutes(m.group(4), true));
        ZoneId zone = ZoneNames.zone(m.group(5));
        if (end.equals(start)) {
            throw new FreezeWindowException("freeze window \"" + text + "\" starts and ends at the same time");
        }
        if (end.isBefore(start)) {
            throw new FreezeWindowException("freeze window \"" + text + "\" ends before it starts");
        }
        return new DatedFreeze(text, start, end, zone);
    }

    private static DayOfWeek day(String word) throws FreezeWindowException {
        List<String> known = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            String abbreviation = d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            String full = d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            if (word.equalsIgnoreCase(abbreviation) || word.equalsIgnoreCase(full)) {
                return d;
            }
            known.add(abbreviation);
            known.add(full);
        }
        Optional<String> meant = dev.gate.text.Closest.to(word, known);
        throw new FreezeWindowException("unknown day \"" + word + "\"" + meant.map(d -> "; did you mean \"" + d + "\"?")
                .orElse(": expected Mon, Tue, Wed, Thu, Fri, Sat or Sun"));
    }

    private static boolean namesOnlyDays(String text) {
        Matcher m = WHOLE_DAYS_WITHOUT_ZONE.matcher(text);
        if (!m.matches()) {
            return false;
        }
        try {
            day(m.group(1));
            if (m.group(2) != null) {
                day(m.group(2));
            }
            return true;
        } catch (FreezeWindowException e) {
            return false;
        }
    }

    /**
     * Minutes since the start of the day, up to 24 * 60. An end at {@code 23:59} means the end of
     * the day: whoever writes it means "through Sunday", not "except Sunday's last minute".
     */
    private static int minutes(String hhmm, boolean isEnd) throws FreezeWindowException {
        int colon = hhmm.indexOf(':');
        int hours = Integer.parseInt(hhmm.substring(0, colon));
        int minutes = Integer.parseInt(hhmm.substring(colon + 1));
        boolean valid = hours <= 23 && minutes <= 59 || hours == 24 && minutes == 0;
        if (!valid) {
            throw new FreezeWindowException("invalid time \"" + hhmm + "\": expected HH:MM from 00:00 to 24:00");
        }
        if (isEnd && hours == 23 && minutes == 59) {
            return DAY_MINUTES;
        }
        return hours * 60 + minutes;
    }

    private static LocalDate date(String yyyymmdd) throws FreezeWindowException {
        String[] parts = yyyymmdd.split("-");
        int year = Integer.parseInt(parts[0]);
        int month = Integer.parseInt(parts[1]);
        int day = Integer.parseInt(parts[2]);
        if (month < 1 || month > 12) {
            throw new FreezeWindowException("invalid date \"" + yyyymmdd + "\": there is no month " + month);
        }
        YearMonth ym = YearMonth.of(year, month);
        if (day < 1 || day > ym.lengthOfMonth()) {
            throw new FreezeWindowException("invalid date \"" + yyyymmdd + "\": " + Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    + " " + year + " has " + ym.lengthOfMonth() + " days");
        }
        return ym.atDay(day);
    }
}
