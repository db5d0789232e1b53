package dev.gate.freeze;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each message is one line a suite loader puts after {@code suite.yaml:LINE:COLUMN: }. */
class FreezeWindowErrorsTest {

    private static String error(String text) {
        try {
            FreezeWindow.parse(text);
            throw new AssertionError("\"" + text + "\" was accepted");
        } catch (FreezeWindowException e) {
            return e.getMessage();
        }
    }

    @Test
    void aWindowWithoutItsEndTimeIsNotAWindow() {
        assertThat(error("Fri 15:00-Mon")).isEqualTo("\"Fri 15:00-Mon\" is not a freeze window: expected "
                + "\"DAY HH:MM-DAY HH:MM ZONE\", such as \"Fri 15:00-Mon 08:00 Europe/Copenhagen\"");
    }

    @Test
    void wordsThatAreNoWindowGetTheWeeklyExample() {
        assertThat(error("weekends")).isEqualTo("\"weekends\" is not a freeze window: expected "
                + "\"DAY HH:MM-DAY HH:MM ZONE\", such as \"Fri 15:00-Mon 08:00 Europe/Copenhagen\"");
        assertThat(error("")).isEqualTo("\"\" is not a freeze window: expected "
                + "\"DAY HH:MM-DAY HH:MM ZONE\", such as \"Fri 15:00-Mon 08:00 Europe/Copenhagen\"");
        assertThat(error("Fri 15:00-Mon 08:00 Europe/Copenhagen and more")).isEqualTo("\"Fri 15:00-Mon 08:00 Europe/Copenhagen and more\""
                + " is not a freeze window: expected \"DAY HH:MM-DAY HH:MM ZONE\", such as \"Fri 15:00-Mon 08:00 Europe/Copenhagen\"");
    }

    @Test
    void aDateRangeWithoutTimesGetsTheDatedExample() {
        assertThat(error("2026-12-20-2027-01-02 Europe/Copenhagen")).isEqualTo("\"2026-12-20-2027-01-02 Europe/Copenhagen\" is not a "
                + "freeze window: expected \"YYYY-MM-DD HH:MM-YYYY-MM-DD HH:MM ZONE\", such as "
                + "\"2026-12-20 00:00-2027-01-02 08:00 Europe/Copenhagen\"");
    }

    @Test
    void aWindowWithoutAZoneSaysSoAndShowsHowToAddOne() {
        assertThat(error("Fri 15:00-Mon 08:00")).isEqualTo("\"Fri 15:00-Mon 08:00\" has no time zone: add one, such as "
                + "\"Fri 15:00-Mon 08:00 Europe/Copenhagen\" or \"Fri 15:00-Mon 08:00 UTC\"");
        assertThat(error("Sat-Sun")).isEqualTo("\"Sat-Sun\" has no time zone: add one, such as "
                + "\"Sat-Sun Europe/Copenhagen\" or \"Sat-Sun UTC\"");
        assertThat(error("2026-12-20 00:00-2027-01-02 08:00")).isEqualTo("\"2026-12-20 00:00-2027-01-02 08:00\" has no time zone: "
                + "add one, such as \"2026-12-20 00:00-2027-01-02 08:00 Europe/Copenhagen\" or \"2026-12-20 00:00-2027-01-02 08:00 UTC\"");
    }

    @Test
    void aMistypedZoneGetsTheZoneItWasProbablyMeantToBe() {
        assertThat(error("Fri 15:00-Mon 08:00 Europe/Copenhage"))
                .isEqualTo("unknown time zone \"Europe/Copenhage\"; did you mean \"Europe/Copenhagen\"?");
        assertThat(error("Fri 15:00-Mon 08:00 Europe/Copenhgaen"))
                .isEqualTo("unknown time zone \"Europe/Copenhgaen\"; did you mean \"Europe/Copenhagen\"?");
    }

    @Test
    void aCityAloneIsFoundInItsRegion() {
        assertThat(error("Fri 15:00-Mon 08:00 Copenhagen"))
                .isEqualTo("unknown time zone \"Copenhagen\"; did you mean \"Europe/Copenhagen\"?");
        assertThat(error("Fri 15:00-Mon 08:00 new_york"))
                .isEqualTo("unknown time zone \"new_york\"; did you mean \"America/New_York\"?");
    }

    @Test
    void aZoneLikeNoOtherSaysWhatIsExpected() {
        assertThat(error("Fri 15:00-Mon 08:00 Mars/Olympus_Mons"))
                .isEqualTo("unknown time zone \"Mars/Olympus_Mons\": expected an IANA name such as \"Europe/Copenhagen\" or \"UTC\"");
    }

    @Test
    void anAbbreviationIsNotAcceptedBecauseItIgnoresSummerTime() {
        assertThat(error("Fri 15:00-Mon 08:00 CEST")).isEqualTo("\"CEST\" is an abbreviation, not a time zone: use a name such as "
                + "\"Europe/Copenhagen\", whose clocks follow summer time, or \"UTC\"");
    }

    @Test
    void aMistypedDayGetsTheDayItWasProbablyMeantToBe() {
        assertThat(error("Fry 15:00-Mon 08:00 UTC")).isEqualTo("unknown day \"Fry\"; did you mean \"Fri\"?");
        assertThat(error("Fri 15:00-Mondy 08:00 UTC")).isEqualTo("unknown day \"Mondy\"; did you mean \"Monday\"?");
        assertThat(error("Sat-Sunday2 UTC")).isEqualTo("\"Sat-Sunday2 UTC\" is not a freeze window: expected "
                + "\"DAY HH:MM-DAY HH:MM ZONE\", such as \"Fri 15:00-Mon 08:00 Europe/Copenhagen\"");
    }

    @Test
    void aWordThatIsNoDayListsTheDays() {
        assertThat(error("Weekend 15:00-Mon 08:00 UTC")).isEqualTo("unknown day \"Weekend\": expected Mon, Tue, Wed, Thu, Fri, Sat or Sun");
    }

    @Test
    void aTimeOutsideTheDayIsInvalid() {
        assertThat(error("Fri 25:00-Mon 08:00 UTC")).isEqualTo("invalid time \"25:00\": expected HH:MM from 00:00 to 24:00");
        assertThat(error("Fri 15:60-Mon 08:00 UTC")).isEqualTo("invalid time \"15:60\": expected HH:MM from 00:00 to 24:00");
        assertThat(error("Fri 15:00-Mon 24:30 UTC")).isEqualTo("invalid time \"24:30\": expected HH:MM from 00:00 to 24:00");
    }

    @Test
    void aDateThatDoesNotExistSaysWhy() {
        assertThat(error("2026-02-29 00:00-2026-03-02 00:00 UTC")).isEqualTo("invalid date \"2026-02-29\": February 2026 has 28 days");
        assertThat(error("2026-13-01 00:00-2027-01-02 00:00 UTC")).isEqualTo("invalid date \"2026-13-01\": there is no month 13");
    }

    @Test
    void aWindowThatStartsAndEndsAtTheSameTimeIsRefused() {
        assertThat(error("Fri 15:00-Fri 15:00 UTC")).isEqualTo("freeze window \"Fri 15:00-Fri 15:00 UTC\" starts and ends at the same time");
        assertThat(error("Fri 15:00-15:00 UTC")).isEqualTo("freeze window \"Fri 15:00-15:00 UTC\" starts and ends at the same time");
        assertThat(error("2026-12-20 08:00-2026-12-20 08:00 UTC"))
                .isEqualTo("freeze window \"2026-12-20 08:00-2026-12-20 08:00 UTC\" starts and ends at the same time");
    }

    @Test
    void aWindowThatNeverLetsADeployThroughIsRefused() {
        assertThat(error("Mon 00:00-Sun 23:59 UTC"))
                .isEqualTo("freeze window \"Mon 00:00-Sun 23:59 UTC\" covers the whole week: deploys would never be allowed");
        assertThat(error("Mon-Sun UTC")).isEqualTo("freeze window \"Mon-Sun UTC\" covers the whole week: deploys would never be allowed");
        assertThat(error("Wed-Tue UTC")).isEqualTo("freeze window \"Wed-Tue UTC\" covers the whole week: deploys would never be allowed");
    }

    @Test
    void aHolidayFreezeThatEndsBeforeItStartsIsRefused() {
        assertThat(error("2027-01-02 08:00-2026-12-20 00:00 Europe/Copenhagen"))
                .isEqualTo("freeze window \"2027-01-02 08:00-2026-12-20 00:00 Europe/Copenhagen\" ends before it starts");
    }
}
