package org.broadsheet.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.broadsheet.article.PublishedArticleRepository.Listing;
import org.broadsheet.author.Author;
import org.broadsheet.shared.PerTransaction;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * What readers see of the articles: public articles (status published, publication
 * instant reached), their listings, neighbours, feeds and sitemap links. No request reads
 * the archive: lists walk an index to their limit, and what would have to count or group
 * every public article (page counts, the listing sitemaps) is kept until an article
 * changes on this node, or for {@link #KEPT} at most (changes on other nodes, articles
 * whose publication instant arrives).
 */
@Service
public class PublishedArticles {

	/** How long a count or a listing sitemap is kept at most. */
	static final Duration KEPT = Duration.ofSeconds(30);

	private final PublishedArticleRepository repository;

	private final ArticleAssembler assembler;

	private final Clock clock;

	/**
	 * Counts per listing, and the listing sitemaps per kind: what reads every public
	 * article.
	 */
	private final Cache<Object, Object> kept;

	PublishedArticles(PublishedArticleRepository repository, ArticleAssembler assembler, Clock clock) {
		this.repository = repository;
		this.assembler = assembler;
		this.clock = clock;
		Clock ticking = this.clock;
		this.kept = Caffeine.newBuilder()
			.maximumSize(10_000)
			.expireAfterWrite(KEPT)
			.ticker(() -> ticking.millis() * 1_000_000)
			.build();
	}

	/** The teasers an article page shows besides the article. */
	public record Around(List<ArticleTeaser> related, Neighbours neighbours) {
	}

	/**
	 * @param sectionSlug decoded
	 * @param slug decoded
	 * @return the public article at that address
	 */
	@Transactional(readOnly = true)
	public Optional<Article> published(String sectionSlug, String slug) {
		return repository.find(sectionSlug, slug, clock.millis()).map(assembler::full);
	}

	/**
	 * @param sectionSlug decoded
	 * @param slug decoded
	 * @return whether a public article lived at this address (as its current or a former
	 * one) and is not public any more: unpublished, in the trash or purged (410 Gone
	 * rather than 404)
	 */
	@Transactional(readOnly = true)
	public boolean gone(String sectionSlug, String slug) {
		return repository.gone(sectionSlug, slug, clock.millis());
	}

	/**
	 * @return the current path of a public article that used to live at this address
	 */
	@Transactional(readOnly = true)
	public Optional<String> redirect(String sectionSlug, String slug) {
		long now = clock.millis();
		return repository.redirectTarget(sectionSlug, slug)
			.flatMap(id -> repository.byIds(List.of(id), false).stream().filter(r -> isPublic(r, now)).findFirst())
			.map(row -> assembler.teasers(List.of(row)).get(0).path());
	}

	/**
	 * Public articles for the front page: sticky ones first, then newest first.
	 * @param page 1-based; beyond the last page gives an empty list
	 * @param pageSize articles per page, at least 1
	 */
	@Transactional(readOnly = true)
	public ArticleList latest(int page, int pageSize) {
		return list(Listing.ALL, page, pageSize, true);
	}

	/**
	 * Public articles of a section, newest first; paging as {@link #latest(int, int)}.
	 */
	@Transactional(readOnly = true)
	public ArticleList inSection(Section section, int page, int pageSize) {
		return list(Listing.section(section.id()), page, pageSize, false);
	}

	/** Public articles with a tag, newest first; paging as {@link #latest(int, int)}. */
	@Transactional(readOnly = true)
	public ArticleList taggedWith(Tag tag, int page, int pageSize) {
		return list(Listing.of(null, null, tag.id()), page, pageSize, false);
	}

	/**
	 * @return the articles with {@code author} anywhere in their byline; paging as
	 * {@link #latest(int, int)}
	 */
	@Transactional(readOnly = true)
	public ArticleList byAuthor(Author author, int page, int pageSize) {
		return list(Listing.of(null, author.id(), null), page, pageSize, false);
	}

	/**
	 * @return the public articles published just before and after {@code article}
	 */
	@Transactional(readOnly = true)
	public Neighbours neighbours(Article article) {
		return around(article, List.of()).neighbours();
	}

	/**
	 * The related articles and neighbours of an article page, in one round: two index
	 * seeks for the neighbours, one read of the related rows, then one query per kind of
	 * part for all of them.
	 * @param relatedIds ids of related articles, most related first; those not public are
	 * left out
	 */
	@Transactional(readOnly = true)
	public Around around(Article article, List<Long> relatedIds) {
		long now = clock.millis();
		long at = article.publishedAt().toEpochMilli();
		var older = repository.neighbour(article.id(), at, true, now);
		var newer = repository.neighbour(article.id(), at, false, now);
		List<ArticleRow> related = inOrder(relatedIds, repository.byIds(relatedIds, false), now);
		List<ArticleRow> rows = new ArrayList<>(related);
		older.ifPresent(rows::add);
		newer.ifPresent(rows::add);
		List<ArticleTeaser> teasers = assembler.teasers(rows);
		int n = related.size();
		return new Around(teasers.subList(0, n), new Neighbours(older.isPresent() ? teasers.get(n) : null,
				newer.isPresent() ? teasers.get(teasers.size() - 1) : null));
	}

	/**
	 * @return teasers of the public articles with these ids, in the order given; others
	 * left out
	 */
	@Transactional(readOnly = true)
	public List<ArticleTeaser> teasers(List<Long> ids) {
		return assembler.teasers(inOrder(ids, repository.byIds(ids, false), clock.millis()));
	}

	/**
	 * Articles with status published, including those whose publication instant is still
	 * to come, for derived state such as the search index.
	 * @return the found articles in the order of {@code ids}; missing or unpublished ids
	 * are left out
	 */
	@Transactional(readOnly = true)
	public List<Article> publishedByIds(List<Long> ids) {
		var rows = repository.byIds(ids, true)
			.stream()
			.filter(r -> ArticleStatus.PUBLISHED.code().equals(r.status()))
			.toList();
		if (rows.isEmpty()) {
			return List.of();
		}
		var parts = assembler.parts(rows, true);
		var byId = new HashMap<Long, Article>();
		rows.forEach(r -> byId.put(r.id(), assembler.full(r, parts)));
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	/**
	 * Which public articles a page of the Content API holds; null filters do not filter.
	 *
	 * @param language a BCP 47 tag as stored, or null
	 * @param languageOrNull whether {@code language} is the site's, which articles stored
	 * without a language have
	 * @param updatedSince UTC instant: articles changed at or after it, or null
	 */
	public record Filter(Long sectionId, Long authorId, Long tagId, String language, boolean languageOrNull,
			Instant updatedSince) {
	}

	/**
	 * A position in the newest-first order: the publication instant (UTC) and id of the
	 * last article a page held.
	 */
	public record Position(Instant publishedAt, long id) {
	}

	/**
	 * Public articles, whole, newest first (publication instant, then id), after
	 * {@code after}: a keyset walk of the listing's index that stops at {@code limit}.
	 * The language and updated-since filters are tested along that walk, not from an
	 * index of their own.
	 * @param after null for the first page
	 * @param limit at most this many
	 */
	@Transactional(readOnly = true)
	public List<Article> page(Filter filter, Position after, int limit) {
		var rows = repository.page(Listing.of(filter.sectionId(), filter.authorId(), filter.tagId()), filter.language(),
				filter.languageOrNull(), filter.updatedSince() == null ? null : filter.updatedSince().toEpochMilli(),
				after == null ? null : after.publishedAt().toEpochMilli(), after == null ? 0 : after.id(),
				clock.millis(), limit);
		if (rows.isEmpty()) {
			return List.of();
		}
		var parts = assembler.parts(rows, true);
		return rows.stream().map(r -> assembler.full(r, parts)).toList();
	}

	/**
	 * The ids of the public articles of a section, of an author, or of the whole site
	 * (both null) published in a period, for a newsletter digest; read from the listing's
	 * index (publication instant, id), never by scanning the archive.
	 * @param from the period's first instant (UTC, inclusive)
	 * @param until the period's end (UTC, exclusive)
	 * @param limit at most this many, the newest
	 * @return newest first (publication instant, then id)
	 */
	@Transactional(readOnly = true)
	public List<Long> idsPublishedBetween(Long sectionId, Long authorId, Instant from, Instant until, int limit) {
		return repository.idsBetween(Listing.of(sectionId, authorId, null), from.toEpochMilli(), until.toEpochMilli(),
				clock.millis(), limit);
	}

	/**
	 * @return the article with this id if it is public now (published, its instant come)
	 */
	@Transactional(readOnly = true)
	public Optional<Article> publicById(long id) {
		long now = clock.millis();
		return repository.byIds(List.of(id), true)
			.stream()
			.filter(r -> isPublic(r, now))
			.findFirst()
			.map(assembler::full);
	}

	/**
	 * @return the Markdown source of these articles, by id (one query)
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> markdown(Collection<Long> ids) {
		return repository.markdown(ids);
	}

	/**
	 * @return the ids of every article with status published, ascending
	 */
	@Transactional(readOnly = true)
	public List<Long> publishedIds() {
		return repository.publishedIds();
	}

	/**
	 * The newest public articles, whole, for feeds; filters combine and null ones do not
	 * filter.
	 * @param limit at most this many, newest first
	 */
	@Transactional(readOnly = true)
	public List<Article> newest(Long sectionId, Long authorId, Long tagId, int limit) {
		return publishedByIds(newestRows(sectionId, authorId, tagId, limit).stream().map(ArticleRow::id).toList());
	}

	/**
	 * The last change among what {@link #newest} would return, or the last time an
	 * article left the site (unpublished or deleted: it may have left the feed), read
	 * without loading the articles: what a feed's conditional GET needs before it builds
	 * anything.
	 * @return the UTC instant, or the epoch when there is no article
	 */
	@Transactional(readOnly = true)
	public Instant newestChange(Long sectionId, Long authorId, Long tagId, int limit) {
		Instant departed = Instant.ofEpochMilli(repository.lastDeparture());
		return newestRows(sectionId, authorId, tagId, limit).stream()
			.map(r -> Instant.ofEpochMilli(r.updatedAt()))
			.filter(departed::isBefore)
			.max(Comparator.naturalOrder())
			.orElse(departed);
	}

	private List<ArticleRow> newestRows(Long sectionId, Long authorId, Long tagId, int limit) {
		return repository.list(Listing.of(sectionId, authorId, tagId), clock.millis(), limit, 0);
	}

	/**
	 * @return how many articles are public now (kept as {@link PublishedArticles} says)
	 */
	@Transactional(readOnly = true)
	public int publicCount() {
		return count(Listing.ALL, clock.millis(), false);
	}

	/**
	 * @param page 1-based, of {@code size} articles in publication order (oldest first,
	 * stable)
	 * @return the public articles' addresses with their last change
	 */
	@Transactional(readOnly = true)
	public List<SitemapLink> links(int page, int size) {
		return repository.links(clock.millis(), size, (long) (Math.max(page, 1) - 1) * size);
	}

	/**
	 * @return public articles published since {@code since} (UTC), newest first, for a
	 * news sitemap
	 */
	@Transactional(readOnly = true)
	public List<SitemapLink> publishedSince(Instant since) {
		return repository.linksSince(clock.millis(), since.toEpochMilli());
	}

	/**
	 * @return the listing pages of that kind that have public articles, with their newest
	 * change (kept as {@link PublishedArticles} says)
	 */
	@Transactional(readOnly = true)
	@SuppressWarnings("unchecked")
	public List<SitemapLink> listingLinks(ListingKind kind) {
		return (List<SitemapLink>) kept.get(kind, k -> repository.listingLinks(kind, clock.millis()));
	}

	/**
	 * A change to an article changes counts and listing sitemaps: forgotten once it
	 * commits.
	 */
	@EventListener
	void changed(ArticleEvent event) {
		if (PerTransaction.get(kept, () -> new Forget(kept)).isEmpty()) {
			kept.invalidateAll();
		}
	}

	private record Forget(Cache<Object, Object> kept) implements TransactionSynchronization {

		@Override
		public void afterCompletion(int status) {
			kept.invalidateAll();
		}

	}

	private ArticleList list(Listing listing, int page, int pageSize, boolean front) {
		int current = Math.max(1, page);
		long now = clock.millis();
		int pageCount = pageCount(count(listing, now, false), pageSize);
		if (current > pageCount) {
			// A kept count may lag behind a newly public article: only the exact one says
			// there is no such page.
			pageCount = pageCount(count(listing, now, true), pageSize);
			if (current > pageCount) {
				return new ArticleList(List.of(), current, pageCount);
			}
		}
		long offset = (long) (current - 1) * pageSize;
		var rows = front ? repository.front(now, pageSize, offset) : repository.list(listing, now, pageSize, offset);
		return new ArticleList(assembler.teasers(rows), current, pageCount);
	}

	private static int pageCount(int total, int pageSize) {
		return Math.max(1, (total + pageSize - 1) / pageSize);
	}

	private int count(Listing listing, long now, boolean exact) {
		if (exact) {
			int total = repository.count(listing, now);
			kept.put(listing, total);
			return total;
		}
		return (Integer) kept.get(listing, l -> repository.count(listing, now));
	}

	private static boolean isPublic(ArticleRow r, long now) {
		return ArticleStatus.PUBLISHED.code().equals(r.status()) && r.publishedAt() != null && r.publishedAt() <= now;
	}

	/**
	 * @return the public ones of {@code rows}, in the order of {@code ids}
	 */
	private static List<ArticleRow> inOrder(List<Long> ids, List<ArticleRow> rows, long now) {
		var byId = new HashMap<Long, ArticleRow>();
		rows.stream().filter(r -> isPublic(r, now)).forEach(r -> byId.put(r.id(), r));
		return ids.stream().map(byId::get).filter(Objects::nonNull).distinct().toList();
	}

}
