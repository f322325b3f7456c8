package org.broadsheet.changelog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.broadsheet.shared.LoggedChange;
import org.broadsheet.shared.LoggedChange.Subject;
import org.broadsheet.shared.PerTransaction;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * The durable log of changes. Every {@link LoggedChange} event (articles, comments,
 * sections, tags, authors, accounts) is written in the transaction that caused it, so the
 * log holds exactly the committed changes; nodes follow it to keep their derived state
 * (search index, caches) current, after a crash or a change made on another node. Likes
 * are not logged: see {@code comment.Likes}.
 */
@Service
public class ChangeLog {

	/**
	 * How far back {@link #since} looks again: on PostgreSQL a transaction that took its
	 * sequence number earlier may commit after a later one, and a re-read change is
	 * harmless.
	 */
	static final Duration OVERLAP = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final Clock clock;

	ChangeLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Written just before the transaction commits, so that {@code at} is close to the
	 * commit (see {@link #OVERLAP}). One synchronization per transaction holds all of its
	 * events: a synchronization per event would make every savepoint of a long import
	 * walk them all.
	 */
	@EventListener
	void record(LoggedChange event) {
		PerTransaction.get(this, () -> new Pending(this, new ArrayList<>()))
			.ifPresentOrElse(pending -> pending.events().add(event), () -> write(List.of(event)));
	}

	/** The events of one transaction, written before it commits. */
	private record Pending(ChangeLog owner, List<LoggedChange> events) implements TransactionSynchronization {

		@Override
		public void beforeCommit(boolean readOnly) {
			owner.write(events);
		}

	}

	private void write(List<LoggedChange> events) {
		long now = clock.millis();
		for (LoggedChange event : events) {
			jdbc.sql("INSERT INTO change_log (subject, subject_id, kind, at) VALUES (?, ?, ?, ?)")
				.params(event.subject().key(), event.subjectId(), event.kind(), now)
				.update();
		}
	}

	/**
	 * A follower reads only the subject it follows, so that its position (and its lag)
	 * counts only the changes it applies: the search index would otherwise have to commit
	 * past every comment to keep up.
	 * @param afterSeq the last sequence number of {@code subject} already applied
	 * @return the changes of {@code subject} after {@code afterSeq}, and those of the
	 * last 30 seconds again, by sequence
	 */
	public List<Change> since(long afterSeq, Subject subject) {
		return jdbc
			.sql("SELECT id, subject, subject_id, kind, at FROM change_log WHERE subject = ? AND (id > ? OR at >= ?) "
					+ "ORDER BY id")
			.params(subject.key(), afterSeq, clock.millis() - OVERLAP.toMillis())
			.query((rs, n) -> new Change(rs.getLong(1), Subject.of(rs.getString(2)), rs.getLong(3), rs.getString(4),
					Instant.ofEpochMilli(rs.getLong(5))))
			.list();
	}

	/**
	 * A follower's lag: entries of other subjects between two of its own are not counted
	 * (a sequence number difference would count them). One range of the
	 * {@code (subject, id)} index.
	 * @return how many entries of {@code subject} come after {@code afterSeq}
	 */
	public long countAfter(long afterSeq, Subject subject) {
		return jdbc.sql("SELECT COUNT(*) FROM change_log WHERE subject = ? AND id > ?")
			.params(subject.key(), afterSeq)
			.query(Long.class)
			.single();
	}

	/**
	 * @return the newest sequence number of {@code subject}, 0 when it has none
	 */
	public long latestSeq(Subject subject) {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM change_log WHERE subject = ?")
			.param(subject.key())
			.query(Long.class)
			.single();
	}

}
