package dev.gate.freeze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreezeCalendarTest {
    private static final String WEEKEND = "Fri 15:00-Mon 08:00 Europe/Copenhagen";
    private static final String HOLIDAYS = "2026-12-20 00:00-2027-01-02 08:00 Europe/Copenhagen";

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void aSuiteWithoutWindowsIsNeverFrozen() {
        assertThat(FreezeCalendar.none().activeAt(at("2026-11-28T12:00:00Z"))).isEmpty();
        assertThat(FreezeCalendar.none().refusalAt(at("2026-11-28T12:00:00Z"))).isEmpty();
    }

    @Test
    void theWindowThatHoldsTheInstantIsTheActiveOne() throws Exception {
        FreezeCalendar calendar = FreezeCalendar.parse(List.of(WEEKEND, HOLIDAYS));

        assertThat(calendar.activeAt(at("2026-11-28T12:00:00Z"))).map(FreezeWindow::text).contains(WEEKEND);
        assertThat(calendar.activeAt(at("2026-12-23T12:00:00Z"))).map(FreezeWindow::text).contains(HOLIDAYS);
        assertThat(calendar.activeAt(at("2026-11-25T10:00:00Z"))).isEmpty();
    }

    @Test
    void whereWindowsOverlapTheFirstInTheSuiteIsNamed() throws Exception {
        FreezeCalendar calendar = FreezeCalendar.parse(List.of(HOLIDAYS, WEEKEND));

        // Saturday 2026-12-26 lies in both
        assertThat(calendar.activeAt(at("2026-12-26T12:00:00Z"))).map(FreezeWindow::text).contains(HOLIDAYS);
    }

    @Test
    void theTimeComesFromTheClockPassedIn() throws Exception {
        FreezeCalendar calendar = FreezeCalendar.parse(List.of(WEEKEND));

        assertThat(calendar.activeAt(Clock.fixed(at("2026-11-28T12:00:00Z"), ZoneOffset.UTC))).isPresent();
        assertThat(calendar.activeAt(Clock.fixed(at("2026-11-25T12:00:00Z"), ZoneOffset.UTC))).isEmpty();
    }

    @Test
    void theRefusalSaysUntilWhenByWhichWindowAndHowToOverrideIt() throws Exception {
        FreezeCalendar calendar = FreezeCalendar.parse(List.of(WEEKEND, HOLIDAYS));

        assertThat(calendar.refusalAt(at("2026-11-28T12:00:00Z"))).contains("deploys are frozen until Mon 2026-11-30 08:00 CET by "
                + "\"Fri 15:00-Mon 08:00 Europe/Copenhagen\" (every week from Friday 15:00 to Monday 08:00, Europe/Copenhagen time); "
                + "--override-freeze deploys anyway");
        assertThat(calendar.refusalAt(at("2026-12-23T12:00:00Z"))).contains("deploys are frozen until Sat 2027-01-02 08:00 CET by "
                + "\"2026-12-20 00:00-2027-01-02 08:00 Europe/Copenhagen\" (from the start of Sunday 2026-12-20 to Saturday "
                + "2027-01-02 08:00, Europe/Copenhagen time); --override-freeze deploys anyway");
        assertThat(calendar.refusalAt(at("2026-11-25T10:00:00Z"))).isEmpty();
    }

    @Test
    void theRefusalGivesSummerTimeWhenTheWindowEndsInSummer() throws Exception {
        FreezeCalendar calendar = FreezeCalendar.parse(List.of(WEEKEND));

        assertThat(calendar.refusalAt(at("2026-06-06T12:00:00Z"))).hasValueSatisfying(line ->
                assertThat(line).startsWith("deploys are frozen until Mon 2026-06-08 08:00 CEST by "));
    }

    @Test
    void theFirstWindowThatCannotBeReadStopsTheCalendar() {
        assertThatThrownBy(() -> FreezeCalendar.parse(List.of(WEEKEND, "Fri 15:00-Mon", "Sat UTC")))
                .isInstanceOf(FreezeWindowException.class)
                .hasMessage("\"Fri 15:00-Mon\" is not a freeze window: expected \"DAY HH:MM-DAY HH:MM ZONE\", such as "
                        + "\"Fri 15:00-Mon 08:00 Europe/Copenhagen\"");
    }

    @Test
    void theWindowsAreACopy() throws Exception {
        List<FreezeWindow> windows = new ArrayList<>(List.of(FreezeWindow.parse(WEEKEND)));
        FreezeCalendar calendar = new FreezeCalendar(windows);
        windows.clear();

        assertThat(calendar.windows()).hasSize(1);
    }
}
