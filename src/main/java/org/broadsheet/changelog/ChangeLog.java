package org.broadsheet.changelog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.broadsheet.article.ArticleEvent;
import org.broadsheet.shared.PerTransaction;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * The durable log of article changes. Every {@link ArticleEvent} is written in the
 * transaction that caused it, so the log holds exactly the committed changes; nodes
 * follow it to keep their derived state (search index, caches) current, after a crash or
 * a change made on another node.
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
	void record(ArticleEvent event) {
		PerTransaction.get(this, () -> new Pending(this, new ArrayList<>()))
			.ifPresentOrElse(pending -> pending.events().add(event), () -> write(List.of(event)));
	}

	/** The events of one transaction, written before it commits. */
	private record Pending(ChangeLog owner, List<ArticleEvent> events) implements TransactionSynchronization {

		@Override
		public void beforeCommit(boolean readOnly) {
			owner.write(events);
		}

	}

	private void write(List<ArticleEvent> events) {
		long now = clock.millis();
		for (ArticleEvent event : events) {
			jdbc.sql("INSERT INTO change_log (article_id, kind, at) VALUES (?, ?, ?)")
				.params(event.articleId(), event.kind(), now)
				.update();
		}
	}

	/**
	 * @param afterSeq the last sequence number already applied
	 * @return the changes after {@code afterSeq}, and those of the last 30 seconds again,
	 * by sequence
	 */
	public List<Change> since(long afterSeq) {
		return jdbc.sql("SELECT id, article_id, kind, at FROM change_log WHERE id > ? OR at >= ? ORDER BY id")
			.params(afterSeq, clock.millis() - OVERLAP.toMillis())
			.query((rs, n) -> new Change(rs.getLong(1), rs.getLong(2), rs.getString(3),
					Instant.ofEpochMilli(rs.getLong(4))))
			.list();
	}

	/**
	 * @return the newest sequence number, 0 for an empty log
	 */
	public long latestSeq() {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM change_log").query(Long.class).single();
	}

}
