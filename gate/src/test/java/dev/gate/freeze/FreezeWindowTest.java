package dev.gate.freeze;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Every instant here is fixed; the comments give the wall-clock time in the window's zone. */
class FreezeWindowTest {
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private static FreezeWindow window(String text) throws FreezeWindowException {
        return FreezeWindow.parse(text);
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void aWeekendFreezeIsReadWithItsDaysTimesAndZone() throws Exception {
        assertThat(window("Fri 15:00-Mon 08:00 Europe/Copenhagen")).isEqualTo(new WeeklyFreeze(
                "Fri 15:00-Mon 08:00 Europe/Copenhagen", DayOfWeek.FRIDAY, LocalTime.of(15, 0), DayOfWeek.MONDAY, LocalTime.of(8, 0), COPENHAGEN));
    }

    @Test
    void daysMayBeWrittenInFullInAnyCaseAndTheDashMayHaveSpaces() throws Exception {
        assertThat(window("  friday 15:00 - MONDAY 8:00 Europe/Copenhagen "))
                .isEqualTo(new WeeklyFreeze("friday 15:00 - MONDAY 8:00 Europe/Copenhagen",
                        DayOfWeek.FRIDAY, LocalTime.of(15, 0), DayOfWeek.MONDAY, LocalTime.of(8, 0), COPENHAGEN));
    }

    @Test
    void aZoneWrittenInTheWrongCaseIsStillThatZone() throws Exception {
        assertThat(window("Fri 15:00-Mon 08:00 europe/copenhagen").zone()).isEqualTo(COPENHAGEN);
        assertThat(window("Fri 15:00-Mon 08:00 utc").zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void aWeekendFreezeHoldsFromItsStartUpToButNotIncludingItsEnd() throws Exception {
        FreezeWindow w = window("Fri 15:00-Mon 08:00 Europe/Copenhagen");

        assertThat(w.contains(at("2026-11-27T13:59:59Z"))).isFalse(); // Fri 14:59:59 CET
        assertThat(w.contains(at("2026-11-27T14:00:00Z"))).isTrue();  // Fri 15:00 CET
        assertThat(w.contains(at("2026-11-28T12:00:00Z"))).isTrue();  // Sat noon
        assertThat(w.contains(at("2026-11-29T23:30:00Z"))).isTrue();  // Mon 00:30 CET
        assertThat(w.contains(at("2026-11-30T06:59:59Z"))).isTrue();  // Mon 07:59:59 CET
        assertThat(w.contains(at("2026-11-30T07:00:00Z"))).isFalse(); // Mon 08:00 CET
        assertThat(w.contains(at("2026-11-25T10:00:00Z"))).isFalse(); // Wed
    }

    @Test
    void aWindowAcrossTheWeekEndWrapsFromSundayIntoMonday() throws Exception {
        FreezeWindow w = window("Sun 22:00-Mon 02:00 UTC");

        assertThat(w.contains(at("2026-11-29T21:59:59Z"))).isFalse();
        assertThat(w.contains(at("2026-11-29T22:00:00Z"))).isTrue();
        assertThat(w.contains(at("2026-11-30T00:00:00Z"))).isTrue();
        assertThat(w.contains(at("2026-11-30T01:59:59Z"))).isTrue();
        assertThat(w.contains(at("2026-11-30T02:00:00Z"))).isFalse();
        assertThat(w.contains(at("2026-11-26T23:00:00Z"))).isFalse();
    }

    @Test
    void anEndAt2359MeansTheWholeOfThatDay() throws Exception {
        FreezeWindow w = window("Sat 00:00-Sun 23:59 UTC");

        assertThat(w.contains(at("2026-11-27T23:59:59Z"))).isFalse(); // Fri
        assertThat(w.contains(at("2026-11-28T00:00:00Z"))).isTrue();  // Sat
        assertThat(w.contains(at("2026-11-29T23:59:30Z"))).isTrue();  // Sun, the last minute
        assertThat(w.contains(at("2026-11-30T00:00:00Z"))).isFalse(); // Mon
        assertThat(w.description()).isEqualTo("every week from the start of Saturday to the end of Sunday, UTC time");
    }

    @Test
    void anEndAt2400IsTheSameAsAnEndAt2359() throws Exception {
        WeeklyFreeze a = (WeeklyFreeze) window("Sat 00:00-Sun 23:59 UTC");
        WeeklyFreeze b = (WeeklyFreeze) window("Sat 00:00-Sun 24:00 UTC");

        assertThat(b.endDay()).isEqualTo(a.endDay()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(b.end()).isEqualTo(a.end()).isEqualTo(LocalTime.MIDNIGHT);
    }

    @Test
    void withoutAnEndDayTheWindowEndsTheSameDayOrOvernight() throws Exception {
        FreezeWindow lunch = window("Fri 11:30-13:00 UTC");
        FreezeWindow night = window("Fri 22:00-02:00 UTC");

        assertThat(lunch.contains(at("2026-11-27T12:00:00Z"))).isTrue();
        assertThat(lunch.contains(at("2026-11-27T13:00:00Z"))).isFalse();
        assertThat(lunch.contains(at("2026-11-26T12:00:00Z"))).isFalse();
        assertThat(night.contains(at("2026-11-27T23:00:00Z"))).isTrue();
        assertThat(night.contains(at("2026-11-28T01:59:00Z"))).isTrue();
        assertThat(night.contains(at("2026-11-28T02:00:00Z"))).isFalse();
        assertThat(night.description()).isEqualTo("every week from Friday 22:00 to Saturday 02:00, UTC time");
    }

    @Test
    void wholeDaysRunFromTheStartOfTheFirstToTheEndOfTheLast() throws Exception {
        FreezeWindow weekend = window("Sat-Sun Europe/Copenhagen");
        FreezeWindow friday = window("Fri UTC");

        assertThat(weekend.contains(at("2026-11-27T22:59:59Z"))).isFalse(); // Fri 23:59:59 CET
        assertThat(weekend.contains(at("2026-11-27T23:00:00Z"))).isTrue();  // Sat 00:00 CET
        assertThat(weekend.contains(at("2026-11-29T22:59:59Z"))).isTrue();  // Sun 23:59:59 CET
        assertThat(weekend.contains(at("2026-11-29T23:00:00Z"))).isFalse(); // Mon 00:00 CET
        assertThat(friday.contains(at("2026-11-27T00:00:00Z"))).isTrue();
        assertThat(friday.contains(at("2026-11-27T23:59:59Z"))).isTrue();
        assertThat(friday.contains(at("2026-11-28T00:00:00Z"))).isFalse();
        assertThat(weekend.description()).isEqualTo("every week from the start of Saturday to the end of Sunday, Europe/Copenhagen time");
        assertThat(friday.description()).isEqualTo("every week from the start of Friday to the end of Friday, UTC time");
    }

    @Test
    void aFixedOffsetIsAcceptedAsAZone() throws Exception {
        FreezeWindow w = window("Fri 15:00-Mon 08:00 +02:00");

        assertThat(w.zone()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(w.contains(at("2026-11-27T13:00:00Z"))).isTrue();
        assertThat(w.contains(at("2026-11-27T12:59:59Z"))).isFalse();
        assertThat(w.description()).isEqualTo("every week from Friday 15:00 to Monday 08:00, UTC+02:00 time");
    }

    @Test
    void theWeekendEndsAtEightOnTheLocalClocksAfterSummerTimeEnds() throws Exception {
        // clocks go back from 03:00 CEST to 02:00 CET on Sunday 2026-10-25
        FreezeWindow w = window("Fri 15:00-Mon 08:00 Europe/Copenhagen");

        assertThat(w.contains(at("2026-10-23T12:59:59Z"))).isFalse(); // Fri 14:59:59 CEST
        assertThat(w.contains(at("2026-10-23T13:00:00Z"))).isTrue();  // Fri 15:00 CEST
        assertThat(w.contains(at("2026-10-26T06:30:00Z"))).isTrue();  // Mon 07:30 CET: would be 08:30 at the summer offset
        assertThat(w.contains(at("2026-10-26T06:59:59Z"))).isTrue();  // Mon 07:59:59 CET
        assertThat(w.contains(at("2026-10-26T07:00:00Z"))).isFalse(); // Mon 08:00 CET
        assertThat(w.activeUntil(at("2026-10-24T12:00:00Z")))
                .contains(ZonedDateTime.of(LocalDateTime.of(2026, 10, 26, 8, 0), COPENHAGEN));
        assertThat(w.activeUntil(at("2026-10-24T12:00:00Z")).orElseThrow().toInstant()).isEqualTo(at("2026-10-26T07:00:00Z"));
    }

    @Test
    void theWeekendEndsAtEightOnTheLocalClocksAfterSummerTimeBegins() throws Exception {
        // clocks go forward from 02:00 CET to 03:00 CEST on Sunday 2026-03-29
        FreezeWindow w = window("Fri 15:00-Mon 08:00 Europe/Copenhagen");

        assertThat(w.contains(at("2026-03-27T13:59:59Z"))).isFalse(); // Fri 14:59:59 CET
        assertThat(w.contains(at("2026-03-27T14:00:00Z"))).isTrue();  // Fri 15:00 CET
        assertThat(w.contains(at("2026-03-30T05:59:59Z"))).isTrue();  // Mon 07:59:59 CEST
        assertThat(w.contains(at("2026-03-30T06:00:00Z"))).isFalse(); // Mon 08:00 CEST: still inside at the winter offset
        assertThat(w.activeUntil(at("2026-03-28T12:00:00Z")).orElseThrow().toInstant()).isEqualTo(at("2026-03-30T06:00:00Z"));
    }

    @Test
    void aWindowStartingInTheSkippedSpringHourStartsWhenTheClocksJumpPastIt() throws Exception {
        FreezeWindow w = window("Sun 02:30-Sun 04:00 Europe/Copenhagen");

        assertThat(w.contains(at("2026-03-29T00:59:59Z"))).isFalse(); // 01:59:59 CET
        assertThat(w.contains(at("2026-03-29T01:00:00Z"))).isTrue();  // 03:00 CEST, the clocks having skipped 02:00-03:00
        assertThat(w.contains(at("2026-03-29T01:59:59Z"))).isTrue();  // 03:59:59 CEST
        assertThat(w.contains(at("2026-03-29T02:00:00Z"))).isFalse(); // 04:00 CEST
    }

    @Test
    void aWindowInTheRepeatedAutumnHourHoldsBothTimesTheClocksShowIt() throws Exception {
        FreezeWindow w = window("Sun 02:15-Sun 02:45 Europe/Copenhagen");

        assertThat(w.contains(at("2026-10-25T00:10:00Z"))).isFalse(); // 02:10 CEST
        assertThat(w.contains(at("2026-10-25T00:30:00Z"))).isTrue();  // 02:30 CEST
        assertThat(w.contains(at("2026-10-25T00:50:00Z"))).isFalse(); // 02:50 CEST
        assertThat(w.contains(at("2026-10-25T01:10:00Z"))).isFalse(); // 02:10 CET
        assertThat(w.contains(at("2026-10-25T01:30:00Z"))).isTrue();  // 02:30 CET
        assertThat(w.activeUntil(at("2026-10-25T01:30:00Z")).orElseThrow().toInstant()).isEqualTo(at("2026-10-25T01:45:00Z"));
    }

    @Test
    void aHolidayFreezeHoldsOnceFromItsStartDateToItsEndDate() throws Exception {
        FreezeWindow w = window("2026-12-20 00:00-2027-01-02 08:00 Europe/Copenhagen");

        assertThat(w).isEqualTo(new DatedFreeze("2026-12-20 00:00-2027-01-02 08:00 Europe/Copenhagen",
                LocalDateTime.of(2026, 12, 20, 0, 0), LocalDateTime.of(2027, 1, 2, 8, 0), COPENHAGEN));
        assertThat(w.contains(at("2026-12-19T22:59:59Z"))).isFalse(); // Sat 23:59:59 CET
        assertThat(w.contains(at("2026-12-19T23:00:00Z"))).isTrue();  // Sun 2026-12-20 00:00 CET
        assertThat(w.contains(at("2026-12-31T23:59:59Z"))).isTrue();
        assertThat(w.contains(at("2027-01-02T06:59:59Z"))).isTrue();  // 07:59:59 CET
        assertThat(w.contains(at("2027-01-02T07:00:00Z"))).isFalse(); // 08:00 CET
        assertThat(w.contains(at("2027-12-25T12:00:00Z"))).isFalse(); // a year later: it does not come back
        assertThat(w.activeUntil(at("2026-12-24T12:00:00Z")).orElseThrow().toInstant()).isEqualTo(at("2027-01-02T07:00:00Z"));
        assertThat(w.activeUntil(at("2027-01-02T07:00:00Z"))).isEmpty();
        assertThat(w.description()).isEqualTo("from the start of Sunday 2026-12-20 to Saturday 2027-01-02 08:00, Europe/Copenhagen time");
    }

    @Test
    void aDatedFreezeAcrossTheSpringChangeEndsOnTheLocalClocks() throws Exception {
        FreezeWindow w = window("2026-03-28 12:00-2026-03-30 12:00 Europe/Copenhagen");

        assertThat(w.contains(at("2026-03-28T10:59:59Z"))).isFalse(); // 11:59:59 CET
        assertThat(w.contains(at("2026-03-28T11:00:00Z"))).isTrue();  // 12:00 CET
        assertThat(w.contains(at("2026-03-30T09:59:59Z"))).isTrue();  // 11:59:59 CEST
        assertThat(w.contains(at("2026-03-30T10:00:00Z"))).isFalse(); // 12:00 CEST
    }

    @Test
    void aDatedFreezeEndingAt2359RunsToTheEndOfThatDay() throws Exception {
        FreezeWindow w = window("2026-12-24 00:00-2026-12-26 23:59 UTC");

        assertThat(w.contains(at("2026-12-26T23:59:59Z"))).isTrue();
        assertThat(w.contains(at("2026-12-27T00:00:00Z"))).isFalse();
        assertThat(w.description()).isEqualTo("from the start of Thursday 2026-12-24 to the end of Saturday 2026-12-26, UTC time");
    }

    @Test
    void theWindowEndsAtTheNextEndAfterTheInstantNotTheOneBefore() throws Exception {
        FreezeWindow w = window("Fri 15:00-Mon 08:00 Europe/Copenhagen");

        assertThat(w.activeUntil(at("2026-11-27T14:00:00Z")).orElseThrow().toInstant()).isEqualTo(at("2026-11-30T07:00:00Z")); // Fri
        assertThat(w.activeUntil(at("2026-11-30T06:00:00Z")).orElseThrow().toInstant()).isEqualTo(at("2026-11-30T07:00:00Z")); // Mon
        assertThat(w.activeUntil(at("2026-11-25T10:00:00Z"))).isEmpty(); // Wed
    }

    @Test
    void theDescriptionAndTheTextAreForPeople() throws Exception {
        FreezeWindow w = window("Fri 15:00-Mon 08:00 Europe/Copenhagen");

        assertThat(w.description()).isEqualTo("every week from Friday 15:00 to Monday 08:00, Europe/Copenhagen time");
        assertThat(w.text()).isEqualTo("Fri 15:00-Mon 08:00 Europe/Copenhagen");
        assertThat(w).hasToString("Fri 15:00-Mon 08:00 Europe/Copenhagen");
    }
}
