package org.broadsheet.search;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleEvent;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.changelog.Change;
import org.broadsheet.changelog.ChangeLog;
import org.broadsheet.delivery.LocalPagesChanged;
import org.broadsheet.delivery.Surrogates;
import org.broadsheet.shared.LoggedChange.Subject;
import org.broadsheet.shared.PerTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Keeps this node's index in step with the database by following the change log: right
 * after a local commit, every few seconds for changes made by other nodes or commands,
 * and at start (rebuilding from scratch when the index folder was new). Index work runs
 * on its own thread, never inside a committing transaction (which on SQLite still holds
 * the write lock). Off with {@code broadsheet.search.follow=false} (commands that only
 * write).
 */
@Component
class IndexFollower implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);

	private static final int BATCH = 500;

	private final SearchIndexHolder holder;

	private final ChangeLog changeLog;

	private final PublishedArticles articles;

	private final boolean follow;

	/**
	 * Whether the index was created (or is of an older format) and no rebuild has
	 * finished yet; null until the first bring-up. Guarded by this.
	 */
	private Boolean rebuildPending;

	private final Clock clock;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
		var thread = new Thread(runnable, "search-index");
		thread.setDaemon(true);
		return thread;
	});

	/** Whether a catch-up is waiting to run: many commits in a row need only one. */
	private final AtomicBoolean queued = new AtomicBoolean();

	/**
	 * Changes applied recently, which the change log's overlap window returns again: seq
	 * → when applied.
	 */
	private final Map<Long, Long> recentlyApplied = new HashMap<>();

	private final ApplicationEventPublisher events;

	private final RelatedLists related;

	IndexFollower(SearchIndexHolder holder, ChangeLog changeLog, PublishedArticles articles,
			@Value("${broadsheet.search.follow:true}") boolean follow, Clock clock, ApplicationEventPublisher events,
			RelatedLists related) {
		this.events = events;
		this.related = related;
		this.holder = holder;
		this.changeLog = changeLog;
		this.articles = articles;
		this.follow = follow;
		this.clock = clock;
	}

	/**
	 * Rebuilds a new index, or catches up, as the site starts. The index is derived
	 * state: a failure is logged and retried by the next poll, and never stops the site
	 * from starting.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!follow) {
			return;
		}
		try {
			upToDate();
		}
		catch (RuntimeException ex) {
			log.warn("Search index could not be brought up to date at start; the next poll retries", ex);
		}
	}

	/**
	 * A rebuild until one has finished (a failed one left the index half-filled: catching
	 * up from it would commit it as complete), then catch-ups.
	 */
	private synchronized void upToDate() {
		if (rebuildPending == null) {
			rebuildPending = holder.index().created();
		}
		if (rebuildPending) {
			rebuild();
			rebuildPending = false;
		}
		else {
			catchUp();
		}
		// Lists never computed, a batch per run so that catch-ups wait little.
		if (related.backfill(holder.index())) {
			requestCatchUp();
		}
	}

	/**
	 * After the transaction commits; one synchronization per transaction however many
	 * articles it changes (a synchronization per event would make every savepoint of a
	 * long import walk them all).
	 */
	@EventListener
	void committed(ArticleEvent event) {
		if (PerTransaction.get(this, () -> new AfterCommit(this)).isEmpty()) {
			requestCatchUp();
		}
	}

	private record AfterCommit(IndexFollower follower) implements TransactionSynchronization {

		@Override
		public void afterCommit() {
			follower.requestCatchUp();
		}

	}

	@Scheduled(fixedDelayString = "${broadsheet.search.poll-interval:2s}",
			initialDelayString = "${broadsheet.search.poll-interval:2s}")
	void poll() {
		requestCatchUp();
	}

	/** Queues a catch-up on the index thread, unless one is queued already. */
	void requestCatchUp() {
		if (follow && queued.compareAndSet(false, true)) {
			worker.execute(() -> {
				queued.set(false);
				try {
					upToDate();
				}
				catch (RuntimeException ex) {
					log.warn("Search index catch-up failed; the next one retries", ex);
				}
			});
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		worker.shutdown();
		worker.awaitTermination(10, TimeUnit.SECONDS);
	}

	/**
	 * Applies the article entries of the change log this index has not seen; the index's
	 * sequence number is the last article entry applied (other subjects are not read).
	 */
	synchronized void catchUp() {
		SearchIndex index = holder.index();
		long now = clock.millis();
		recentlyApplied.values().removeIf(appliedAt -> now - appliedAt > Duration.ofMinutes(2).toMillis());
		List<Change> changes = changeLog.since(index.appliedSeq(), Subject.ARTICLE)
			.stream()
			.filter(c -> !recentlyApplied.containsKey(c.seq()))
			.toList();
		if (changes.isEmpty()) {
			return;
		}
		Set<Long> ids = new LinkedHashSet<>();
		// A newsroom-only change leaves the indexed (public) article as it is; re-adding
		// it would only shift the term statistics related articles are scored with.
		changes.stream()
			.filter(c -> !ArticleEvent.ArticleRevised.KIND.equals(c.kind()))
			.forEach(c -> ids.add(c.subjectId()));
		apply(index, new ArrayList<>(ids));
		long seq = Math.max(index.appliedSeq(), changes.get(changes.size() - 1).seq());
		index.commit(seq);
		changes.forEach(c -> recentlyApplied.put(c.seq(), now));
		if (ids.isEmpty()) {
			return;
		}
		// Search pages cached before this commit miss what it added, on this node alone
		// (each node's index lags on its own).
		events.publishEvent(new LocalPagesChanged(Set.of(Surrogates.SEARCH)));
		// Related lists are in the database: a changed list evicts its pages everywhere.
		related.refresh(index, ids);
	}

	/** Rebuilds the whole index from the database. */
	synchronized void rebuild() {
		SearchIndex index = holder.index();
		long seq = changeLog.latestSeq(Subject.ARTICLE);
		long started = System.nanoTime();
		List<Long> ids = articles.publishedIds();
		index.deleteAll();
		int indexed = 0;
		for (int from = 0; from < ids.size(); from += BATCH) {
			var batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
			indexed += indexEach(index, articles.publishedByIds(batch));
		}
		index.commit(seq);
		log.info("Search index rebuilt: {} articles in {} ms", indexed, (System.nanoTime() - started) / 1_000_000);
		// Search pages rendered while the index was being rebuilt miss articles.
		events.publishEvent(new LocalPagesChanged(Set.of(Surrogates.SEARCH)));
	}

	/** Re-reads the articles: published ones are (re)indexed, the others removed. */
	private void apply(SearchIndex index, List<Long> ids) {
		for (int from = 0; from < ids.size(); from += BATCH) {
			var batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
			var published = articles.publishedByIds(batch);
			indexEach(index, published);
			Set<Long> gone = new LinkedHashSet<>(batch);
			published.forEach(a -> gone.remove(a.id()));
			if (!gone.isEmpty()) {
				index.delete(gone);
			}
		}
	}

	/**
	 * Indexes each article on its own: one that cannot be indexed (a row the rules should
	 * have refused) is logged in one line and left out of the index, and the others go
	 * in.
	 * @return how many were indexed
	 */
	private static int indexEach(SearchIndex index, List<Article> published) {
		int indexed = 0;
		for (Article article : published) {
			try {
				index.index(IndexedArticle.of(article));
				indexed++;
			}
			catch (UncheckedIOException ex) {
				throw ex; // the index itself cannot be written: retried whole by the next
							// catch-up
			}
			catch (RuntimeException ex) {
				log.warn("Search index skips article {} ({}): {}", article.id(), article.path(), ex.toString());
				index.delete(List.of(article.id()));
			}
		}
		return indexed;
	}

}
