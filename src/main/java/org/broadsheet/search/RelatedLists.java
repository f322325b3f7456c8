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
 * article's pages on every node ({@link PagesChanged}, in the transaction that writes
 * it).
 *
 * <p>
 * On a cluster every node's follower computes and writes: a write replaces one article's
 * whole list in one short transaction, and only when it differs from the stored one, so
 * writes are idempotent and two nodes that agree write nothing the second time. Nodes
 * whose indexes differ in term statistics may each write their list once per change; the
 * last one stays, until the next change.
 */
@Component
class RelatedLists {

	private static final Logger log = LoggerFactory.getLogger(RelatedLists.class);

	/** Related articles stored per article: what the article page shows. */
	static final int SHOWN = 4;

	/** Neighbours of a changed article whose lists are computed again. */
	static final int NEIGHBOURS = 10;

	/** Lists never computed (after a new migration or index) filled in per catch-up. */
	private static final int BACKFILL_BATCH = 200;

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
			List<RelatedFinder.Found> found = finder.find(index, id, now, NEIGHBOURS);
			found.forEach(f -> again.add(f.id()));
			// An article no longer in the index (unpublished, deleted) gets an empty
			// list.
			store(id, found.stream().limit(SHOWN).map(RelatedFinder.Found::id).toList());
		}
		again.addAll(naming(changed));
		again.removeAll(changed);
		for (long id : again) {
			store(id, finder.find(index, id, now, SHOWN).stream().map(RelatedFinder.Found::id).toList());
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
			long id = missing.remove();
			store(id, finder.find(index, id, now, SHOWN).stream().map(RelatedFinder.Found::id).toList());
		}
		return !missing.isEmpty();
	}

	private RelatedFinder finder() {
		return new RelatedFinder(Overrides.or(settings.current().language(), defaultLanguage));
	}

	private List<Long> naming(Collection<Long> ids) {
		Set<Long> naming = new LinkedHashSet<>();
		for (long id : ids) {
			naming.addAll(jdbc.sql("SELECT article_id FROM related_article WHERE related_id = ?")
				.param(id)
				.query(Long.class)
				.list());
		}
		return List.copyOf(naming);
	}

	/**
	 * Replaces the stored list when it differs; evicts the article's pages when it does.
	 */
	private void store(long articleId, List<Long> related) {
		try {
			transactions.executeWithoutResult(status -> {
				if (related.equals(of(articleId, SHOWN)) && computed(articleId)) {
					return;
				}
				jdbc.sql("DELETE FROM related_article WHERE article_id = ?").param(articleId).update();
				jdbc.sql("INSERT INTO related_list (article_id) VALUES (?) ON CONFLICT DO NOTHING")
					.param(articleId)
					.update();
				for (int i = 0; i < related.size(); i++) {
					jdbc.sql("INSERT INTO related_article (article_id, position, related_id) VALUES (?, ?, ?)")
						.params(articleId, i, related.get(i))
						.update();
				}
				events.publishEvent(PagesChanged.of(Surrogates.article(articleId)));
			});
		}
		catch (DataAccessException ex) {
			// Deleted meanwhile (the foreign keys refuse it): the next catch-up drops it.
			log.debug("Related articles of {} not stored: {}", articleId, ex.toString());
		}
	}

	private boolean computed(long articleId) {
		return jdbc.sql("SELECT COUNT(*) FROM related_list WHERE article_id = ?")
			.param(articleId)
			.query(Integer.class)
			.single() > 0;
	}

}
