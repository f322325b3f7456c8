package org.broadsheet.newsletter.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.broadsheet.newsletter.ListKey;
import org.broadsheet.newsletter.digest.Cadence;
import org.junit.jupiter.api.Test;

/**
 * The periods digests cover and when they are due: calendar days and ISO weeks in the
 * site's zone, across a change of daylight saving time and a year's end.
 */
class DigestPeriodTest {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static Instant at(String local, ZoneId zone) {
		return LocalDateTime.parse(local).atZone(zone).toInstant();
	}

	@Test
	void aDayIsDueTheNextMorningAtTheHour() {
		var before = DigestPeriod.latestDue(Cadence.DAILY, BERLIN, at("2026-12-03T06:59:59", BERLIN), 7);
		assertThat(before.first()).isEqualTo(LocalDate.parse("2026-12-01"));
		var after = DigestPeriod.latestDue(Cadence.DAILY, BERLIN, at("2026-12-03T07:00:00", BERLIN), 7);
		assertThat(after.first()).isEqualTo(LocalDate.parse("2026-12-02"));
		assertThat(after.last()).isEqualTo(after.first());
		assertThat(after.start()).isEqualTo(Instant.parse("2026-12-01T23:00:00Z"));
		assertThat(after.end()).isEqualTo(Instant.parse("2026-12-02T23:00:00Z"));
		assertThat(after.key(ListKey.section(3))).isEqualTo("daily:section:3:2026-12-02");
		// 10:00 UTC on the 3rd: the 2nd is due in UTC, not yet in Los Angeles (02:00).
		Instant morning = Instant.parse("2026-12-03T10:00:00Z");
		assertThat(DigestPeriod.latestDue(Cadence.DAILY, ZoneOffset.UTC, morning, 7).first())
			.isEqualTo(LocalDate.parse("2026-12-02"));
		assertThat(DigestPeriod.latestDue(Cadence.DAILY, ZoneId.of("America/Los_Angeles"), morning, 7).first())
			.isEqualTo(LocalDate.parse("2026-12-01"));
	}

	@Test
	void daysOfADaylightSavingChangeAreTheirRealLength() {
		// Berlin moved from UTC+1 to UTC+2 at 02:00 on 29 March 2026, back on 25 October.
		var spring = DigestPeriod.latestDue(Cadence.DAILY, BERLIN, at("2026-03-30T07:00:00", BERLIN), 7);
		assertThat(spring.first()).isEqualTo(LocalDate.parse("2026-03-29"));
		assertThat(Duration.between(spring.start(), spring.end())).isEqualTo(Duration.ofHours(23));
		var autumn = DigestPeriod.latestDue(Cadence.DAILY, BERLIN, at("2026-10-26T07:00:00", BERLIN), 7);
		assertThat(Duration.between(autumn.start(), autumn.end())).isEqualTo(Duration.ofHours(25));
		// An hour skipped by the change (02:00 on 29 March) is due at the hour after.
		var skipped = DigestPeriod.latestDue(Cadence.DAILY, BERLIN, Instant.parse("2026-03-29T01:00:00Z"), 2);
		assertThat(skipped.first()).isEqualTo(LocalDate.parse("2026-03-28"));
		var justBefore = DigestPeriod.latestDue(Cadence.DAILY, BERLIN, Instant.parse("2026-03-29T00:59:59Z"), 2);
		assertThat(justBefore.first()).isEqualTo(LocalDate.parse("2026-03-27"));
	}

	@Test
	void aWeekIsMondayToSundayDueOnMonday() {
		// Monday 7 December 2026, 07:00 in Berlin: the week of 30 November is due.
		var monday = DigestPeriod.latestDue(Cadence.WEEKLY, BERLIN, at("2026-12-07T07:00:00", BERLIN), 7);
		assertThat(monday.first()).isEqualTo(LocalDate.parse("2026-11-30"));
		assertThat(monday.last()).isEqualTo(LocalDate.parse("2026-12-06"));
		assertThat(monday.start()).isEqualTo(Instant.parse("2026-11-29T23:00:00Z"));
		assertThat(monday.end()).isEqualTo(Instant.parse("2026-12-06T23:00:00Z"));
		assertThat(monday.key(ListKey.SITE)).isEqualTo("weekly:site:2026-W49");
		var early = DigestPeriod.latestDue(Cadence.WEEKLY, BERLIN, at("2026-12-07T06:59:00", BERLIN), 7);
		assertThat(early.first()).isEqualTo(LocalDate.parse("2026-11-23"));
		var sunday = DigestPeriod.latestDue(Cadence.WEEKLY, BERLIN, at("2026-12-13T23:59:00", BERLIN), 7);
		assertThat(sunday.first()).isEqualTo(LocalDate.parse("2026-11-30"));
		// The week of the autumn change is 169 hours long.
		var change = DigestPeriod.latestDue(Cadence.WEEKLY, BERLIN, at("2026-10-26T08:00:00", BERLIN), 7);
		assertThat(change.first()).isEqualTo(LocalDate.parse("2026-10-19"));
		assertThat(Duration.between(change.start(), change.end())).isEqualTo(Duration.ofHours(7 * 24 + 1));
	}

	@Test
	void weeksAcrossTheYearsEndUseTheIsoWeekYear() {
		// Monday 4 January 2027: the week of 28 December 2026 to 3 January 2027 is
		// 2026-W53.
		var week = DigestPeriod.latestDue(Cadence.WEEKLY, ZoneOffset.UTC, Instant.parse("2027-01-04T07:00:00Z"), 7);
		assertThat(week.first()).isEqualTo(LocalDate.parse("2026-12-28"));
		assertThat(week.key(ListKey.author(5))).isEqualTo("weekly:author:5:2026-W53");
		// Monday 3 January 2028: the week of 27 December 2027 is 2027-W52.
		var next = DigestPeriod.latestDue(Cadence.WEEKLY, ZoneOffset.UTC, Instant.parse("2028-01-03T07:00:00Z"), 7);
		assertThat(next.key(ListKey.SITE)).isEqualTo("weekly:site:2027-W52");
	}

	@Test
	void cadencesParseTheirKeysAndRefuseOthersNamingTheField() {
		assertThat(Cadence.parse("cadence", "weekly")).isEqualTo(Cadence.WEEKLY);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Cadence.parse("cadence", "hourly"))
			.isInstanceOfSatisfying(org.broadsheet.shared.InvalidInput.class,
					ex -> assertThat(ex.field()).isEqualTo("cadence"));
	}

}
