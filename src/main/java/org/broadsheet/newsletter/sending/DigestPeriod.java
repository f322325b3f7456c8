package org.broadsheet.newsletter.sending;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

import org.broadsheet.newsletter.ListKey;
import org.broadsheet.newsletter.digest.Cadence;

/**
 * The period a digest covers: a calendar day, or an ISO week (Monday to Sunday), in the
 * site's time zone. A period's digest is due at {@code hour} o'clock local time on the
 * day after it ends (a day's the next morning, a week's on Monday). Days of a change of
 * daylight saving time are 23 or 25 hours long; an hour that does not exist that day
 * (skipped by the change) is taken as the one after it.
 *
 * @param first the first day
 * @param last the last day (the same as {@code first} for a day)
 * @param start the first instant (UTC, inclusive): the start of {@code first}
 * @param end the end (UTC, exclusive): the start of the day after {@code last}
 */
record DigestPeriod(Cadence cadence, LocalDate first, LocalDate last, Instant start, Instant end) {

	/**
	 * @param cadence {@link Cadence#DAILY} or {@link Cadence#WEEKLY}
	 * @param hour the local hour (0–23) when a period's digest is due
	 * @return the latest period whose digest is due at {@code now}
	 */
	static DigestPeriod latestDue(Cadence cadence, ZoneId zone, Instant now, int hour) {
		LocalDate today = now.atZone(zone).toLocalDate();
		if (cadence == Cadence.WEEKLY) {
			LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			LocalDate first = due(monday, zone, hour).isAfter(now) ? monday.minusWeeks(2) : monday.minusWeeks(1);
			return of(cadence, first, first.plusDays(6), zone);
		}
		LocalDate day = due(today, zone, hour).isAfter(now) ? today.minusDays(2) : today.minusDays(1);
		return of(cadence, day, day, zone);
	}

	private static DigestPeriod of(Cadence cadence, LocalDate first, LocalDate last, ZoneId zone) {
		return new DigestPeriod(cadence, first, last, first.atStartOfDay(zone).toInstant(),
				last.plusDays(1).atStartOfDay(zone).toInstant());
	}

	private static Instant due(LocalDate day, ZoneId zone, int hour) {
		return ZonedDateTime.of(day, LocalTime.of(hour, 0), zone).toInstant();
	}

	/**
	 * @return the send's {@code period_key}, unique per list and period:
	 * {@code daily:section:3:2026-12-02}, {@code weekly:site:2026-W49} (ISO week-based
	 * year and week)
	 */
	String key(ListKey list) {
		String period = cadence == Cadence.WEEKLY ? "%d-W%02d".formatted(first.get(IsoFields.WEEK_BASED_YEAR),
				first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)) : first.toString();
		return cadence.key() + ":" + list + ":" + period;
	}

}
