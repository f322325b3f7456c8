package org.broadsheet.newsletter.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.broadsheet.account.Actor;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.Permission;
import org.broadsheet.newsletter.ListKey;
import org.broadsheet.newsletter.admin.ImportReport.Rejection;
import org.broadsheet.newsletter.subscription.SubscriberInput;
import org.broadsheet.shared.EmailAddress;
import org.broadsheet.shared.InvalidInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a list of subscribers exported from Substack, Ghost or Mailchimp, or a plain
 * {@code email,name} file ({@link CsvSource}; RFC 4180 CSV in UTF-8). The whole file is
 * read and checked first, then written in transactions of {@link #BATCH} rows, so the
 * single SQLite writer is never held for long. A row that consented (as the file says)
 * becomes an active subscriber of the chosen lists with a consent record
 * ({@code imported}, source {@code import:<file name>}, wording naming the service and
 * the consent column); a row without consent is skipped, never stored. An address already
 * here (compared by its key: trimmed, domain lower-cased) is put on the chosen lists and,
 * if pending, confirmed; one that unsubscribed here stays unsubscribed.
 */
@Service
public class SubscriberImport {

	/** Rows written in one transaction. */
	static final int BATCH = 500;

	/** Rejected rows a report lists (all are counted). */
	public static final int MAX_SHOWN = 1000;

	private final SubscriberTable store;

	private final NewsroomAudit audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final int maxRows;

	SubscriberImport(SubscriberTable store, NewsroomAudit audit, ApplicationEventPublisher events,
			TransactionTemplate transaction, Clock clock,
			@Value("${broadsheet.newsletter.import.max-rows:200000}") int maxRows) {
		this.store = store;
		this.audit = audit;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
		this.maxRows = maxRows;
	}

	/** A row that passed the checks. */
	private record Candidate(String email, String key, String name, long createdAt, Long confirmedAt,
			String consentColumn, String consentValue) {
	}

	/** The tallies of one import. */
	private static final class Tally {

		int imported;

		int updated;

		final Map<String, Integer> skipped = new TreeMap<>();

		void skip(String reason) {
			skipped.merge(reason, 1, Integer::sum);
		}

	}

	/**
	 * @param fileName the uploaded file's name (folders and control characters dropped;
	 * at most 200 characters kept)
	 * @param csv the file, UTF-8 (a byte order mark is skipped); the caller limits its
	 * size
	 * @param lists the lists to put every imported row on; empty for the site's list
	 * @throws AccessDeniedException unless {@code actor} may manage subscribers
	 * @throws InvalidInput naming {@code file}: a header of no known export
	 * ({@code subscribers.import.unknownFormat}), not CSV or not UTF-8
	 * ({@code subscribers.import.malformed}), more rows than
	 * {@code broadsheet.newsletter.import.max-rows}
	 * ({@code subscribers.import.tooManyRows})
	 */
	public ImportReport importCsv(Actor actor, String fileName, InputStream csv, Set<ListKey> lists) {
		Permission.MANAGE_SUBSCRIBERS.require(actor);
		String name = fileName(fileName);
		List<ListKey> chosen = lists == null || lists.isEmpty() ? List.of(ListKey.SITE) : List.copyOf(lists);
		var tally = new Tally();
		List<Rejection> rejected = new ArrayList<>();
		List<Candidate> candidates = new ArrayList<>();
		CsvSource source = read(csv, tally, rejected, candidates);
		for (int from = 0; from < candidates.size(); from += BATCH) {
			var batch = candidates.subList(from, Math.min(candidates.size(), from + BATCH));
			transaction.executeWithoutResult(status -> batch.forEach(c -> write(c, source, name, chosen, tally)));
		}
		var report = new ImportReport(name, source.service(), tally.imported, tally.updated, Map.copyOf(tally.skipped),
				List.copyOf(rejected.subList(0, Math.min(MAX_SHOWN, rejected.size()))), rejected.size());
		transaction.executeWithoutResult(status -> {
			var event = new SubscriberEvent(0, SubscriberEvent.What.IMPORTED);
			audit.record(NewsroomAudit.SUBSCRIBER, 0, actor, event.kind(),
					name + " (" + source.service() + "): " + report.imported() + " imported, " + report.updated()
							+ " updated, " + report.skippedCount() + " skipped, " + report.rejectedCount()
							+ " rejected");
			events.publishEvent(event);
		});
		return report;
	}

	private CsvSource read(InputStream csv, Tally tally, List<Rejection> rejected, List<Candidate> candidates) {
		var format = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreHeaderCase(true)
			.setIgnoreEmptyLines(true)
			.setTrim(false)
			.get();
		long now = clock.millis();
		try (Reader reader = utf8(csv); CSVParser parser = CSVParser.parse(reader, format)) {
			Set<String> headers = parser.getHeaderNames()
				.stream()
				.map(h -> h.strip().toLowerCase(Locale.ROOT))
				.collect(Collectors.toSet());
			CsvSource source = CsvSource.of(headers);
			if (source == null) {
				throw new InvalidInput("file", "subscribers.import.unknownFormat");
			}
			Map<String, Long> seen = new HashMap<>();
			for (CSVRecord record : parser) {
				if (record.getRecordNumber() > maxRows) {
					throw new InvalidInput("file", "subscribers.import.tooManyRows", maxRows);
				}
				Candidate candidate = check(source, record, record.getRecordNumber() + 1, now, seen, tally, rejected);
				if (candidate != null) {
					candidates.add(candidate);
				}
			}
			return source;
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
			if (ex instanceof InvalidInput invalid) {
				throw invalid;
			}
			throw new InvalidInput("file", "subscribers.import.malformed");
		}
	}

	/**
	 * @return the row as a candidate, or null when it was rejected (added to
	 * {@code rejected}) or skipped (counted)
	 */
	private Candidate check(CsvSource source, CSVRecord record, long line, long now, Map<String, Long> seen,
			Tally tally, List<Rejection> rejected) {
		java.util.function.Function<String, String> value = header -> CsvSource.value(record, header);
		String email;
		try {
			email = SubscriberInput.email(source.email(), value.apply(source.email()));
		}
		catch (InvalidInput ex) {
			rejected
				.add(new Rejection(line, source.email(), "subscribers.rejected.email", value.apply(source.email())));
			return null;
		}
		String name = source.name(value);
		if (EmailAddress.hasControl(name)) {
			rejected.add(new Rejection(line, nameColumn(source), "subscribers.rejected.control", ""));
			return null;
		}
		if (name.length() > SubscriberInput.MAX_NAME) {
			rejected.add(new Rejection(line, nameColumn(source), "subscribers.rejected.nameLength",
					Integer.toString(SubscriberInput.MAX_NAME)));
			return null;
		}
		Long created;
		try {
			created = instant(value.apply(source.created()));
		}
		catch (DateTimeParseException ex) {
			rejected
				.add(new Rejection(line, source.created(), "subscribers.rejected.date", value.apply(source.created())));
			return null;
		}
		Long confirmed = null;
		if (source == CsvSource.MAILCHIMP) {
			try {
				confirmed = instant(value.apply("CONFIRM_TIME"));
			}
			catch (DateTimeParseException ex) {
				rejected
					.add(new Rejection(line, "CONFIRM_TIME", "subscribers.rejected.date", value.apply("CONFIRM_TIME")));
				return null;
			}
		}
		String key = SubscriberInput.emailKey(email);
		Long first = seen.putIfAbsent(key, line);
		if (first != null) {
			rejected.add(new Rejection(line, source.email(), "subscribers.rejected.duplicate", Long.toString(first)));
			return null;
		}
		String consent = source.consentColumn(value);
		if (consent == null) {
			tally.skip("subscribers.skipped.noConsent");
			return null;
		}
		long joined = created == null ? (confirmed == null ? now : confirmed) : created;
		return new Candidate(email, key, name.isEmpty() ? null : name, joined, confirmed == null ? joined : confirmed,
				consent, value.apply(consent));
	}

	private static String nameColumn(CsvSource source) {
		return source == CsvSource.MAILCHIMP ? "First Name, Last Name" : "name";
	}

	private void write(Candidate c, CsvSource source, String fileName, List<ListKey> lists, Tally tally) {
		long now = clock.millis();
		String wording = "Imported from a " + source.service() + " (" + fileName + ") whose column " + c.consentColumn()
				+ " says the subscriber consented: " + c.consentColumn() + "=" + c.consentValue();
		var existing = store.byKey(c.key());
		if (existing.isEmpty()) {
			long id = store.insert(c.email(), c.key(), c.name(), SubscriberStatus.ACTIVE, c.createdAt(),
					c.confirmedAt(), now);
			lists.forEach(list -> store.subscribe(id, list, now));
			store.consent(id, now, "imported", "import:" + fileName, wording, lists);
			tally.imported++;
			return;
		}
		var found = existing.get();
		if (found.status() == SubscriberStatus.UNSUBSCRIBED) {
			// They left here: an old export does not sign them up again.
			tally.skip("subscribers.skipped.unsubscribed");
			return;
		}
		List<ListKey> added = lists.stream().filter(list -> store.subscribe(found.id(), list, now)).toList();
		SubscriberStatus status = found.status() == SubscriberStatus.PENDING ? SubscriberStatus.ACTIVE : found.status();
		String name = found.name() == null ? c.name() : found.name();
		boolean named = name != null && !name.equals(found.name());
		if (added.isEmpty() && status == found.status() && !named) {
			tally.skip("subscribers.skipped.unchanged");
			return;
		}
		store.update(found.id(), name, status, c.confirmedAt(), now);
		if (!added.isEmpty() || status != found.status()) {
			store.consent(found.id(), now, "imported", "import:" + fileName, wording, added.isEmpty() ? lists : added);
		}
		tally.updated++;
	}

	/**
	 * @return the UTC epoch ms of an ISO-8601 instant, a date and time without offset
	 * (UTC; a space may stand for the {@code T}, as Mailchimp writes it) or a date; null
	 * for ""
	 * @throws DateTimeParseException for anything else
	 */
	static Long instant(String text) {
		if (text.isEmpty()) {
			return null;
		}
		String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + "T" + text.substring(11)
				: text;
		try {
			return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
			}
			catch (DateTimeParseException again) {
				return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
			}
		}
	}

	/** The file's name as the consent record keeps it. */
	static String fileName(String uploaded) {
		String name = uploaded == null ? "" : uploaded;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.codePoints()
			.filter(c -> Character.getType(c) != Character.CONTROL)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString()
			.strip();
		if (name.isEmpty()) {
			name = "upload.csv";
		}
		return name.length() > 200 ? name.substring(0, 200) : name;
	}

	/** UTF-8 that refuses malformed bytes, without a leading byte order mark. */
	private static Reader utf8(InputStream in) throws IOException {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		var reader = new BufferedReader(new InputStreamReader(in, decoder));
		reader.mark(1);
		if (reader.read() != '\uFEFF') {
			reader.reset();
		}
		return reader;
	}

}
