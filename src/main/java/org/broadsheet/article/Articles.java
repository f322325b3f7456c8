package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.broadsheet.account.Account;
import org.broadsheet.account.Role;
import org.broadsheet.author.Author;
import org.broadsheet.author.Authors;
import org.broadsheet.media.Image;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.Taxonomy;
import org.broadsheet.text.SlugClaim;
import org.broadsheet.text.Slugger;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saving articles and reading the public ones. Lists are assembled in a fixed number of queries
 * (articles, then their authors, sections and images in one query each), never one per article.
 */
@Service
public class Articles {

	/** The slug of an article whose title has no letter or digit (emoji, punctuation). */
	static final String FALLBACK_SLUG = "article";

	private final ArticleRepository repository;

	private final Authors authors;

	private final Taxonomy taxonomy;

	private final MediaLibrary media;

	private final MarkdownRenderer markdown;

	private final Slugger slugger;

	private final ApplicationEventPublisher events;

	private final Revisions revisions;

	private final Clock clock;

	Articles(ArticleRepository repository, Authors authors, Taxonomy taxonomy, MediaLibrary media,
			MarkdownRenderer markdown, Slugger slugger, ApplicationEventPublisher events, Revisions revisions,
			Optional<Clock> clock) {
		this.repository = repository;
		this.authors = authors;
		this.taxonomy = taxonomy;
		this.media = media;
		this.markdown = markdown;
		this.slugger = slugger;
		this.events = events;
		this.revisions = revisions;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** What {@link #save(ArticleDraft)} did. */
	public record Saved(long id, String path, boolean created) {
	}

	/**
	 * Creates the article, or updates the one it is in its section: the one with the draft's
	 * slug when the draft names one, else the one with the same title. Saving the same draft twice
	 * changes nothing. Titles that share a slug get {@code -2}, {@code -3}, …; titles without a
	 * letter or digit get {@code article}. Creates unknown authors, sections and tags.
	 *
	 * @throws IllegalArgumentException naming the field, when a name or the slug has no letter or digit
	 */
	@Transactional
	public Saved save(ArticleDraft draft) {
		return save(draft, null);
	}

	/**
	 * Creates a new article for the newsroom, never updating an existing one: a wanted slug that is
	 * taken in the section is refused; a slug made from the title takes the first free one.
	 *
	 * @throws IllegalArgumentException naming the field
	 */
	Saved create(ArticleDraft draft, long accountId) {
		Section section = checkedSection(draft);
		String slug;
		if (hasSlug(draft)) {
			slug = explicitSlug(draft);
			if (repository.find(section.id(), slug).isPresent()) {
				throw new IllegalArgumentException("slug: '" + slug + "' is already used in " + section.name());
			}
		}
		else {
			// A name no article has: only a free slug satisfies the claim.
			slug = SlugClaim.claim(slugger.slugify(draft.title(), FALLBACK_SLUG), "\u0000new",
					s -> repository.find(section.id(), s).map(ArticleRow::title)).slug();
		}
		return write(null, section, slug, draft, accountId);
	}

	/**
	 * The draft's section, found or created, once the draft has passed {@link ArticleRules}: every
	 * write starts here, so nothing is written for a draft that breaks a rule.
	 *
	 * @throws InvalidArticle naming the field at fault
	 */
	Section checkedSection(ArticleDraft draft) {
		ArticleRules.check(draft);
		return taxonomy.section(draft.section());
	}

	/** @return the stored publication instant of an article, if it has one (UTC) */
	Optional<Instant> storedPublishedAt(long id) {
		return repository.find(id).map(ArticleRow::publishedAt).map(Instant::ofEpochMilli);
	}

	/** {@link #save(ArticleDraft)} on behalf of an account (recorded as the creator and in the revision). */
	Saved save(ArticleDraft draft, Long accountId) {
		Section section = checkedSection(draft);
		if (hasSlug(draft)) {
			String slug = explicitSlug(draft);
			return write(repository.find(section.id(), slug).orElse(null), section, slug, draft, accountId);
		}
		var claim = SlugClaim.claim(slugger.slugify(draft.title(), FALLBACK_SLUG), draft.title(),
				s -> repository.find(section.id(), s).map(ArticleRow::title));
		return write(claim.held() ? repository.find(section.id(), claim.slug()).orElseThrow() : null, section,
				claim.slug(), draft, accountId);
	}

	/**
	 * Replaces article {@code id} with {@code draft}. When its section or slug changes, the old
	 * address answers with a permanent redirect to the new one.
	 *
	 * @throws IllegalArgumentException naming the field: no such article, or the slug is taken by
	 *         another article in the section
	 */
	@Transactional
	public Saved update(long id, ArticleDraft draft) {
		return update(id, draft, null);
	}

	/** {@link #update(long, ArticleDraft)} on behalf of an account (recorded in the revision). */
	Saved update(long id, ArticleDraft draft, Long accountId) {
		ArticleRow old = repository.find(id).orElseThrow(() -> new IllegalArgumentException("id: no article " + id));
		Section section = checkedSection(draft);
		if (hasSlug(draft)) {
			String slug = explicitSlug(draft);
			repository.find(section.id(), slug).filter(other -> other.id() != id).ifPresent(other -> {
				throw new IllegalArgumentException("slug: '" + slug + "' is already used in " + section.name());
			});
			return write(old, section, slug, draft, accountId);
		}
		// A new title without a chosen slug: the first slug that is free or already this article's.
		String base = slugger.slugify(draft.title(), FALLBACK_SLUG);
		String slug = SlugClaim.claim(base, Long.toString(id),
				s -> repository.find(section.id(), s).map(row -> Long.toString(row.id()))).slug();
		return write(old, section, slug, draft, accountId);
	}

	/**
	 * Makes an existing revision what article {@code id} shows (publishing, scheduling or restoring
	 * it), without storing a new one.
	 */
	Saved apply(long id, ArticleDraft draft, long revisionId) {
		ArticleRow old = repository.find(id).orElseThrow(() -> new IllegalArgumentException("id: no article " + id));
		Section section = checkedSection(draft);
		String slug = hasSlug(draft) ? explicitSlug(draft) : old.slug();
		repository.find(section.id(), slug).filter(other -> other.id() != id).ifPresent(other -> {
			throw new IllegalArgumentException("slug: '" + other.slug() + "' is already used in " + section.name());
		});
		return write(old, section, slug, draft, null, revisionId);
	}

	Saved write(ArticleRow old, Section section, String slug, ArticleDraft draft, Long accountId) {
		return write(old, section, slug, draft, accountId, null);
	}

	/**
	 * Makes {@code draft} what the article row holds: as a new revision that is both latest and
	 * live, or as the given existing revision.
	 */
	private Saved write(ArticleRow old, Section section, String slug, ArticleDraft draft, Long accountId,
			Long revisionId) {
		requireImage(draft);
		List<Long> authorIds = draft.authors().stream().map(authors::save).map(Author::id).distinct().toList();
		List<Long> tagIds = draft.tags().stream().map(taxonomy::tag).map(Tag::id).distinct().toList();
		String html = markdown.render(draft.bodyMarkdown());
		// No date is NULL: every instant, the epoch included, is a date.
		Long published = draft.publishedAt() == null ? null : draft.publishedAt().toEpochMilli();
		long updated = draft.updatedAt() != null ? draft.updatedAt().toEpochMilli()
				: published != null ? published : clock.millis();
		long id;
		if (old == null) {
			id = repository.insert(section.id(), slug, draft, html, published, updated);
		}
		else {
			id = old.id();
			repository.update(id, section.id(), slug, draft, html, published, updated);
			if (old.sectionId() != section.id() || !old.slug().equals(slug)) {
				String oldSection = taxonomy.sectionsByIds(List.of(old.sectionId())).get(old.sectionId()).slug();
				repository.redirect(oldSection, old.slug(), id, section.slug(), slug);
			}
		}
		repository.replaceAuthors(id, authorIds);
		repository.replaceTags(id, tagIds);
		if (old == null && accountId != null) {
			repository.setCreatedBy(id, accountId);
		}
		revisions.markLive(id, revisionId != null ? revisionId : revisions.add(id, accountId, draft, clock.millis()));
		boolean wasPublished = old != null && ArticleStatus.PUBLISHED.code().equals(old.status());
		boolean isPublished = draft.status() == ArticleStatus.PUBLISHED;
		events.publishEvent(isPublished && !wasPublished ? new ArticleEvent.ArticlePublished(id)
				: wasPublished && !isPublished ? new ArticleEvent.ArticleUnpublished(id) : new ArticleEvent.ArticleUpdated(id));
		return new Saved(id, Paths.of(section, slug), old == null);
	}

	/**
	 * Takes a published article off the site (status unpublished).
	 *
	 * @return false when there is no such published article
	 */
	@Transactional
	public boolean unpublish(long id) {
		boolean changed = repository.setStatus(id, ArticleStatus.PUBLISHED, ArticleStatus.UNPUBLISHED);
		if (changed) {
			events.publishEvent(new ArticleEvent.ArticleUnpublished(id));
		}
		return changed;
	}

	/**
	 * Deletes an article with its authorship, tags, redirects and comments.
	 *
	 * @return false when there is no such article
	 */
	@Transactional
	public boolean delete(long id) {
		boolean deleted = repository.delete(id);
		if (deleted) {
			events.publishEvent(new ArticleEvent.ArticleDeleted(id));
		}
		return deleted;
	}

	/** @throws IllegalArgumentException when the lead image is not in the media library */
	void requireImage(ArticleDraft draft) {
		if (draft.leadImage() != null && media.byIds(Set.of(draft.leadImage().imageId())).isEmpty()) {
			throw new IllegalArgumentException("leadImage: there is no image " + draft.leadImage().imageId()
					+ " in the media library");
		}
	}

	static boolean hasSlug(ArticleDraft draft) {
		return draft.slug() != null && !draft.slug().isBlank();
	}

	private String explicitSlug(ArticleDraft draft) {
		String slug = slugger.slugify(draft.slug());
		if (slug.isEmpty()) {
			throw new IllegalArgumentException("slug: needs a letter or a digit");
		}
		return slug;
	}

	/**
	 * @param sectionSlug decoded
	 * @param slug decoded
	 * @return the public article at that address
	 */
	@Transactional(readOnly = true)
	public Optional<Article> published(String sectionSlug, String slug) {
		return repository.findPublic(sectionSlug, slug, clock.millis()).map(this::full);
	}

	/** @return the current path of a public article that used to live at this address */
	@Transactional(readOnly = true)
	public Optional<String> redirect(String sectionSlug, String slug) {
		return repository.redirectTarget(sectionSlug, slug)
			.flatMap(id -> repository.findPublic(id, clock.millis()))
			.map(row -> Paths.of(taxonomy.sectionsByIds(List.of(row.sectionId())).get(row.sectionId()), row.slug()));
	}

	/**
	 * Public articles for the front page: sticky ones first, then newest first.
	 *
	 * @param page 1-based; beyond the last page gives an empty list (and no query)
	 * @param pageSize articles per page, at least 1
	 */
	@Transactional(readOnly = true)
	public ArticleList latest(int page, int pageSize) {
		return list("", Map.of(), page, pageSize, true);
	}

	/** Public articles of a section, newest first; paging as {@link #latest(int, int)}. */
	@Transactional(readOnly = true)
	public ArticleList inSection(Section section, int page, int pageSize) {
		return list(" AND a.section_id = :section", Map.of("section", section.id()), page, pageSize);
	}

	/** Public articles with a tag, newest first; paging as {@link #latest(int, int)}. */
	@Transactional(readOnly = true)
	public ArticleList taggedWith(Tag tag, int page, int pageSize) {
		return list(" AND a.id IN (SELECT article_id FROM article_tag WHERE tag_id = :tag)", Map.of("tag", tag.id()),
				page, pageSize);
	}

	/** @return the articles with {@code author} anywhere in their byline */
	@Transactional(readOnly = true)
	public ArticleList byAuthor(Author author, int page, int pageSize) {
		return list(" AND a.id IN (SELECT article_id FROM article_author WHERE author_id = :author)",
				Map.of("author", author.id()), page, pageSize);
	}

	/** @return the public articles published just before and after {@code article} */
	@Transactional(readOnly = true)
	public Neighbours neighbours(Article article) {
		long now = clock.millis();
		long at = article.publishedAt().toEpochMilli();
		var older = repository.neighbour(article.id(), at, true, now);
		var newer = repository.neighbour(article.id(), at, false, now);
		List<ArticleTeaser> both = toTeasers(Stream.concat(older.stream(), newer.stream()).toList());
		return new Neighbours(older.isPresent() ? both.get(0) : null,
				newer.isPresent() ? both.get(both.size() - 1) : null);
	}

	/**
	 * Articles with status published, including those whose publication instant is still to
	 * come, for derived state such as the search index.
	 *
	 * @return the found articles in the order of {@code ids}; missing or unpublished ids are left out
	 */
	@Transactional(readOnly = true)
	public List<Article> publishedByIds(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		var rows = repository.findPublished(ids);
		var parts = Parts.load(rows, this, true);
		var byId = new java.util.HashMap<Long, Article>();
		rows.forEach(r -> byId.put(r.id(), full(r, parts)));
		return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	/** @return the ids of every article with status published, ascending */
	@Transactional(readOnly = true)
	public List<Long> publishedIds() {
		return repository.publishedIds();
	}

	/** @return teasers of the public articles with these ids, in the order given; others left out */
	@Transactional(readOnly = true)
	public List<ArticleTeaser> teasers(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		var byId = new java.util.HashMap<Long, ArticleTeaser>();
		toTeasers(repository.findPublic(ids, clock.millis())).forEach(t -> byId.put(t.id(), t));
		return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	/** One page of the newsroom's list. */
	public record NewsroomList(List<ArticleSummary> items, int page, int pageCount) {
	}

	/**
	 * The newsroom's list: articles of any status matching {@code query}, last changed first, among
	 * those {@code actor} may open ({@link ArticleWorkflow#mayEdit}): editors every article, authors
	 * their own, contributors their own until scheduled or published. Nobody sees the titles of
	 * articles they may not open (an embargoed story's, say).
	 */
	@Transactional(readOnly = true)
	public NewsroomList inNewsroom(Account actor, NewsroomQuery query) {
		StringBuilder where = new StringBuilder("1 = 1");
		Map<String, Object> params = new java.util.HashMap<>();
		if (!actor.role().atLeast(Role.EDITOR)) {
			where.append(" AND a.created_by = :actor");
			params.put("actor", actor.id());
			if (!actor.role().atLeast(Role.AUTHOR)) {
				where.append(" AND a.status NOT IN ('published', 'scheduled')");
			}
		}
		if (query.status() != null) {
			where.append(" AND a.status = :status");
			params.put("status", query.status().code());
		}
		if (query.sectionId() != null) {
			where.append(" AND a.section_id = :section");
			params.put("section", query.sectionId());
		}
		if (query.authorId() != null) {
			where.append(" AND a.id IN (SELECT article_id FROM article_author WHERE author_id = :author)");
			params.put("author", query.authorId());
		}
		if (query.titleContains() != null) {
			where.append(" AND LOWER(a.title) LIKE :title ESCAPE '\\'");
			params.put("title", "%" + query.titleContains().toLowerCase(java.util.Locale.ROOT)
				.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		int total = repository.count(where.toString(), params);
		int pageCount = Math.max(1, (total + query.pageSize() - 1) / query.pageSize());
		if (query.page() > pageCount) {
			return new NewsroomList(List.of(), query.page(), pageCount);
		}
		var rows = repository.list(where.toString(), params, query.pageSize(), (long) (query.page() - 1) * query.pageSize());
		var parts = Parts.load(rows, this, false);
		var items = rows.stream()
			.map(r -> new ArticleSummary(r.id(), r.title(), parts.sections.get(r.sectionId()), parts.authorsOf(r),
					ArticleStatus.ofCode(r.status()), instant(r.publishedAt()),
					Instant.ofEpochMilli(r.updatedAt())))
			.toList();
		return new NewsroomList(items, query.page(), pageCount);
	}

	/**
	 * The article as {@code draft} would show it, without storing anything: for the newsroom's
	 * preview of the exact reader page. Unknown sections, authors and tags appear as they would
	 * once created; an unpublished article is dated now.
	 */
	@Transactional(readOnly = true)
	public Article preview(long id, ArticleDraft draft) {
		String sectionSlug = slugger.slugify(draft.section(), "section");
		Section section = taxonomy.sectionBySlug(sectionSlug).orElse(new Section(0, sectionSlug, draft.section(), false));
		List<Author> bylines = draft.authors().stream().map(p -> {
			String slug = slugger.slugify(p.name(), "author");
			return authors.bySlug(slug).orElse(new Author(0, slug, p.name(), p.title(), p.affiliation(), p.bio()));
		}).toList();
		List<Tag> tagList = draft.tags().stream().map(name -> {
			String slug = slugger.slugify(name, "tag");
			return taxonomy.tagBySlug(slug).orElse(new Tag(0, slug, name));
		}).toList();
		Image image = null;
		if (draft.leadImage() != null) {
			var use = draft.leadImage();
			Image stored = media.byIds(Set.of(use.imageId())).get(use.imageId());
			image = stored == null ? null : stored.describedAs(use.alt(), use.caption(), use.credit());
		}
		Instant at = draft.publishedAt() != null ? draft.publishedAt() : clock.instant();
		String slug = hasSlug(draft) ? slugger.slugify(draft.slug(), FALLBACK_SLUG) : slugger.slugify(draft.title(), FALLBACK_SLUG);
		return new Article(id, slug, draft.title(), section, bylines, draft.summary(), markdown.render(draft.bodyMarkdown()),
				image, tagList, draft.language(), draft.status(), at, at, draft.syndication());
	}

	/** @return Markdown rendered to the sanitized HTML readers would get */
	public String renderMarkdown(String markdown) {
		return this.markdown.render(markdown == null ? "" : markdown);
	}

	/**
	 * The newest public articles, whole, for feeds; filters combine and null ones do not filter.
	 *
	 * @param limit at most this many, newest first
	 */
	@Transactional(readOnly = true)
	public List<Article> newest(Long sectionId, Long authorId, Long tagId, int limit) {
		return publishedByIds(newestRows(sectionId, authorId, tagId, limit).stream().map(ArticleRow::id).toList());
	}

	/**
	 * The last change among what {@link #newest} would return, read without loading the articles:
	 * what a feed's conditional GET needs before it builds anything.
	 *
	 * @return UTC instant, or the epoch when there is no article
	 */
	@Transactional(readOnly = true)
	public Instant newestChange(Long sectionId, Long authorId, Long tagId, int limit) {
		return newestRows(sectionId, authorId, tagId, limit).stream().map(r -> Instant.ofEpochMilli(r.updatedAt()))
			.max(java.util.Comparator.naturalOrder()).orElse(Instant.EPOCH);
	}

	private List<ArticleRow> newestRows(Long sectionId, Long authorId, Long tagId, int limit) {
		StringBuilder filter = new StringBuilder();
		Map<String, Object> params = new java.util.HashMap<>();
		if (sectionId != null) {
			filter.append(" AND a.section_id = :section");
			params.put("section", sectionId);
		}
		if (authorId != null) {
			filter.append(" AND a.id IN (SELECT article_id FROM article_author WHERE author_id = :author)");
			params.put("author", authorId);
		}
		if (tagId != null) {
			filter.append(" AND a.id IN (SELECT article_id FROM article_tag WHERE tag_id = :tag)");
			params.put("tag", tagId);
		}
		return repository.listPublic(filter.toString(), params, clock.millis(), limit, 0);
	}

	/**
	 * An address and when what it shows last changed, for sitemaps.
	 *
	 * @param path percent-encoded site path
	 * @param lastModified UTC instant (for the news sitemap: the publication instant)
	 * @param title the article's title; null for section, tag and author pages
	 */
	public record Link(String path, Instant lastModified, String title) {
	}

	/** @return how many articles are public now */
	@Transactional(readOnly = true)
	public int publicCount() {
		return repository.countPublic("", Map.of(), clock.millis());
	}

	/**
	 * @param page 1-based, of {@code size} articles in publication order (oldest first, stable)
	 * @return the public articles' addresses with their last change
	 */
	@Transactional(readOnly = true)
	public List<Link> links(int page, int size) {
		return repository.publicLinks(clock.millis(), size, (long) (Math.max(page, 1) - 1) * size);
	}

	/** @return public articles published since {@code since} (UTC), newest first, for a news sitemap */
	@Transactional(readOnly = true)
	public List<Link> publishedSince(Instant since) {
		return repository.publicLinksSince(clock.millis(), since.toEpochMilli());
	}

	/**
	 * @param kind "section", "tag" or "author"
	 * @return the listing pages of that kind that have public articles, with their newest change
	 */
	@Transactional(readOnly = true)
	public List<Link> listingLinks(String kind) {
		return repository.listingLinks(kind, clock.millis());
	}

	/** @return the titles of the articles with these ids, in any status (missing ids left out) */
	public Map<Long, String> titles(java.util.Collection<Long> ids) {
		return repository.titles(ids);
	}

	/** The authors, sections, images and tags of these rows, one query per kind (for {@link ArticleInterchange}). */
	Parts parts(List<ArticleRow> rows, boolean withTags) {
		return Parts.load(rows, this, withTags);
	}

	/** @return how many articles exist in any status */
	public int count() {
		return repository.count();
	}

	private ArticleList list(String filter, Map<String, ?> params, int page, int pageSize) {
		return list(filter, params, page, pageSize, false);
	}

	/** @param stickyFirst sticky articles before the others (the front page) */
	private ArticleList list(String filter, Map<String, ?> params, int page, int pageSize, boolean stickyFirst) {
		int current = Math.max(1, page);
		long now = clock.millis();
		int total = repository.countPublic(filter, params, now);
		int pageCount = Math.max(1, (total + pageSize - 1) / pageSize);
		if (current > pageCount) {
			return new ArticleList(List.of(), current, pageCount);
		}
		var rows = repository.listPublic(filter, params, now, pageSize, (long) (current - 1) * pageSize, stickyFirst);
		return new ArticleList(toTeasers(rows), current, pageCount);
	}

	private List<ArticleTeaser> toTeasers(List<ArticleRow> rows) {
		var parts = Parts.load(rows, this, false);
		return rows.stream()
			.map(r -> new ArticleTeaser(r.id(), r.slug(), r.title(), parts.sections.get(r.sectionId()),
					parts.authorsOf(r), r.summary(), parts.image(r), instant(r.publishedAt())))
			.toList();
	}

	private Article full(ArticleRow r) {
		return full(r, Parts.load(List.of(r), this, true));
	}

	Article full(ArticleRow r, Parts parts) {
		return new Article(r.id(), r.slug(), r.title(), parts.sections.get(r.sectionId()), parts.authorsOf(r),
				r.summary(), r.bodyHtml(), parts.image(r), parts.tagsOf(r), r.language(),
				ArticleStatus.ofCode(r.status()), instant(r.publishedAt()),
				Instant.ofEpochMilli(r.updatedAt()), r.syndication());
	}

	private static Instant instant(Long millis) {
		return millis == null ? null : Instant.ofEpochMilli(millis);
	}

	/** The authors, sections, tags and images of some rows, loaded with one query per kind. */
	record Parts(Map<Long, Section> sections, Map<Long, List<Long>> authorIds, Map<Long, Author> authors,
			Map<Long, List<Long>> tagIds, Map<Long, Tag> tags, Map<Long, Image> images) {

		static Parts load(List<ArticleRow> rows, Articles a, boolean withTags) {
			List<Long> ids = rows.stream().map(ArticleRow::id).toList();
			var authorIds = a.repository.authorIds(ids);
			var tagIds = withTags ? a.repository.tagIds(ids) : Map.<Long, List<Long>>of();
			return new Parts(a.taxonomy.sectionsByIds(distinct(rows.stream().map(ArticleRow::sectionId).toList())),
					authorIds, a.authors.byIds(flatten(authorIds.values())), tagIds,
					a.taxonomy.tagsByIds(flatten(tagIds.values())),
					a.media.byIds(distinct(rows.stream().map(ArticleRow::leadImageId).filter(i -> i != null).toList())));
		}

		List<Author> authorsOf(ArticleRow r) {
			return authorIds.getOrDefault(r.id(), List.of()).stream().map(authors::get).toList();
		}

		List<Tag> tagsOf(ArticleRow r) {
			return tagIds.getOrDefault(r.id(), List.of()).stream().map(tags::get).toList();
		}

		Image image(ArticleRow r) {
			Image image = r.leadImageId() == null ? null : images.get(r.leadImageId());
			return image == null ? null : image.describedAs(r.leadImageAlt(), r.leadImageCaption(), r.leadImageCredit());
		}

		private static Set<Long> distinct(Collection<Long> ids) {
			return new HashSet<>(ids);
		}

		private static Set<Long> flatten(Collection<List<Long>> lists) {
			Set<Long> all = new HashSet<>();
			lists.forEach(all::addAll);
			return all;
		}

	}

}
