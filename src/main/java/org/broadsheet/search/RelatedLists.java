package org.broadsheet.search;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;

import org.broadsheet.article.PublishedArticles;
import org.broadsheet.delivery.PagesChanged;
import org.broadsheet.delivery.Surrogates;
import org.broadsheet.settings.Overrides;
import org.broadsheet.settings.SettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores each published article's related articles ({@code related_list},
 * {@code related_article}), computed with {@link RelatedFinder} on the index thread after
 * the index applied a change: the lists of the changed articles, of their closest
 * neighbours (so that an older article's list can take a newer one in) and of the
 * articles whose lists named an article that is gone. A list that changed evicts the
 * article's own page on every node ({@link Surrogates#related(long)} in a
 * {@link PagesChanged}, in the transaction that writes it): the only page showing it.
 *
 * <p>
 * A list that cannot be computed or written (index unreadable, database unreachable) is
 * logged in one line and queued for the backfill, its stored mark removed when the
 * database answers, so that it is computed again after a restart too; the other lists go
 * on.
 *
 * <p>
 * On a cluster every node's follower computes and writes: a write first takes the
 * article's {@code related_list} row (inserting it when missing, {@code ON CONFLICT DO
 * NOTHING}, then updating it, which locks it on PostgreSQL; SQLite has one writer), so
 * two nodes writing one article's list at once take turns instead of clashing on the
 * primary key. It then replaces the whole list only when it differs from the stored one,
 * so writes are idempotent and a node that agrees writes nothing. Nodes whose indexes
 * differ in term statistics may each write their list once per change; the last one
 * stays, until the next change.
 */
@Component
class RelatedLists {

	private static final Logger log = LoggerFactory.getLogger(RelatedLists.class);

	/** The site's latent model, fitted on the index thread when due. */
	private final LatentSpace space = new LatentSpace();

	/** Related articles stored per article: what the article page shows. */
	static final int SHOWN = 4;

	/** Neighbours of a changed article whose lists are computed again. */
	static final int NEIGHBOURS = 10;

	/** Lists never computed (after a new migration or index) filled in per catch-up. */
	private static final int BACKFILL_BATCH = 200;

	/** Ids per {@code IN (...)} list: well under SQLite's and PostgreSQL's limits. */
	private static final int IN_CHUNK = 500;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final PublishedArticles articles;

	private final Clock clock;

	private final SettingsStore settings;

	private final String defaultLanguage;

	/**
	 * Articles whose lists were never computed, waiting; only the index thread uses it.
	 */
	private final Queue<Long> missing = new ArrayDeque<>();

	private boolean missingLoaded;

	RelatedLists(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
			PublishedArticles articles, Clock clock, SettingsStore settings,
			@Value("${broadsheet.site.language:en}") String defaultLanguage) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.articles = articles;
		this.clock = clock;
		this.settings = settings;
		this.defaultLanguage = defaultLanguage;
	}

	/**
	 * @return ids of the stored related articles, most related first, at most
	 * {@code limit}; empty when none passed the bar or the list is not computed yet
	 */
	List<Long> of(long articleId, int limit) {
		return jdbc.sql("SELECT related_id FROM related_article WHERE article_id = ? ORDER BY position LIMIT ?")
			.params(articleId, limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Computes again the lists of {@code changed} articles (deleting those of the ones no
	 * longer in the index), of their closest neighbours, and of the articles whose lists
	 * name one of them.
	 */
	void refresh(SearchIndex index, Collection<Long> changed) {
		if (changed.isEmpty()) {
			return;
		}
		var finder = finder();
		long now = clock.millis();
		Set<Long> again = new LinkedHashSet<>();
		for (long id : changed) {
			try {
				List<RelatedFinder.Found> found = finder.find(index, id, now, NEIGHBOURS);
				found.forEach(f -> again.add(f.id()));
				// An article no longer in the index (unpublished, deleted) gets an empty
				// list.
				store(id, found.stream().limit(SHOWN).map(RelatedFinder.Found::id).toList());
			}
			catch (RuntimeException ex) {
				failed(id, ex);
			}
		}
		try {
			again.addAll(naming(changed));
		}
		catch (RuntimeException ex) {
			// Their lists may name a gone article until the next change reaches them.
			log.warn("Lists naming {} not found: {}", changed, ex.toString());
		}
		again.removeAll(changed);
		for (long id : again) {
			try {
				store(id, finder.find(index, id, now, SHOWN).stream().map(RelatedFinder.Found::id).toList());
			}
			catch (RuntimeException ex) {
				failed(id, ex);
			}
		}
	}

	/**
	 * Queues a list that could not be computed or stored for the backfill, and removes
	 * its stored mark so that the backfill of a later run (a restart, another node) finds
	 * it too; the catch-up that asked for it has committed its index position and will
	 * not.
	 */
	private void failed(long articleId, RuntimeException ex) {
		log.warn("Related articles of {} not computed, queued again: {}", articleId, ex.toString());
		missing.add(articleId);
		try {
			jdbc.sql("DELETE FROM related_list WHERE article_id = ?").param(articleId).update();
		}
		catch (RuntimeException unreachable) {
			// The database is still away: this node's queue keeps it.
			log.debug("Related list of {} not marked stale: {}", articleId, unreachable.toString());
		}
	}

	/**
	 * Computes some of the lists never computed (all published articles after the
	 * migration, or articles published while this was off).
	 * @return whether lists remain to be computed
	 */
	boolean backfill(SearchIndex index) {
		if (!missingLoaded) {
			Set<Long> computed = new HashSet<>(
					jdbc.sql("SELECT article_id FROM related_list").query(Long.class).list());
			articles.publishedIds().stream().filter(id -> !computed.contains(id)).forEach(missing::add);
			missingLoaded = true;
		}
		var finder = finder();
		long now = clock.millis();
		for (int i = 0; i < BACKFILL_BATCH && !missing.isEmpty(); i++) {
			long id = missing.peek();
			try {
				store(id, finder.find(index, id, now, SHOWN).stream().map(RelatedFinder.Found::id).toList());
			}
			catch (RuntimeException ex) {
				// Kept for the next poll rather than retried at once against a failing
				// database.
				log.warn("Related articles of {} not computed, retried later: {}", id, ex.toString());
				return false;
			}
			missing.remove();
		}
		return !missing.isEmpty();
	}

	private RelatedFinder finder() {
		return new RelatedFinder(Overrides.or(settings.current().language(), defaultLanguage), space);
	}

	/**
	 * @return the articles whose stored lists name one of {@code ids}
	 */
	private List<Long> naming(Collection<Long> ids) {
		Set<Long> naming = new LinkedHashSet<>();
		List<Long> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += IN_CHUNK) {
			List<Long> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
			naming.addAll(jdbc.sql("SELECT DISTINCT article_id FROM related_article WHERE related_id IN (:ids)")
				.param("ids", chunk)
				.query(Long.class)
				.list());
		}
		return List.copyOf(naming);
	}

	/**
	 * Replaces the stored list when it differs; evicts the article's page when it does.
	 * Takes the article's {@code related_list} row first, so that concurrent writers of
	 * one list (nodes of a cluster) take turns.
	 */
	void store(long articleId, List<Long> related) {
		try {
			transactions.executeWithoutResult(status -> {
				boolean computed = jdbc.sql("INSERT INTO related_list (article_id) VALUES (?) ON CONFLICT DO NOTHING")
					.param(articleId)
					.update() == 0;
				jdbc.sql("UPDATE related_list SET article_id = article_id WHERE article_id = ?")
					.param(articleId)
					.update();
				if (computed && related.equals(of(articleId, SHOWN))) {
					return;
				}
				jdbc.sql("DELETE FROM related_article WHERE article_id = ?").param(articleId).update();
				for (int i = 0; i < related.size(); i++) {
					jdbc.sql("INSERT INTO related_article (article_id, position, related_id) VALUES (?, ?, ?)")
						.params(articleId, i, related.get(i))
						.update();
				}
				events.publishEvent(PagesChanged.of(Surrogates.related(articleId)));
			});
		}
		catch (DataAccessException ex) {
			if (exists(articleId)) {
				throw ex;
			}
			// Deleted meanwhile (the foreign keys refuse it): nothing to show it on.
			log.debug("Related articles of {} not stored: {}", articleId, ex.toString());
		}
	}

	private boolean exists(long articleId) {
		return jdbc.sql("SELECT COUNT(*) FROM article WHERE id = ?").param(articleId).query(Integer.class).single() > 0;
	}

}
