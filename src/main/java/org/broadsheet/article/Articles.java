package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.broadsheet.account.Account;
import org.broadsheet.account.Permission;
import org.broadsheet.author.Author;
import org.broadsheet.author.Authors;
import org.broadsheet.media.Image;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.shared.NotFound;
import org.broadsheet.shared.SlugClaim;
import org.broadsheet.shared.Slugger;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.Taxonomy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saving articles, and the newsroom's reading of them in any status. What readers see is
 * {@link PublishedArticles}.
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

	private final ArticleAssembler assembler;

	Articles(ArticleRepository repository, ArticleAssembler assembler, Authors authors, Taxonomy taxonomy,
			MediaLibrary media, MarkdownRenderer markdown, Slugger slugger, ApplicationEventPublisher events,
			Revisions revisions, Clock clock) {
		this.repository = repository;
		this.assembler = assembler;
		this.authors = authors;
		this.taxonomy = taxonomy;
		this.media = media;
		this.markdown = markdown;
		this.slugger = slugger;
		this.events = events;
		this.revisions = revisions;
		this.clock = clock;
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
				throw new InvalidArticle("slug", "article.invalid.slug-taken", slug, section.name());
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
	 * @throws IllegalArgumentException naming the field: the slug is taken by another article in
	 *         the section
	 * @throws NotFound when there is no such article
	 */
	@Transactional
	public Saved update(long id, ArticleDraft draft) {
		return update(id, draft, null);
	}

	/** {@link #update(long, ArticleDraft)} on behalf of an account (recorded in the revision). */
	Saved update(long id, ArticleDraft draft, Long accountId) {
		ArticleRow old = repository.find(id).orElseThrow(() -> new NotFound("article", id));
		Section section = checkedSection(draft);
		if (hasSlug(draft)) {
			String slug = explicitSlug(draft);
			repository.find(section.id(), slug).filter(other -> other.id() != id).ifPresent(other -> {
				throw new InvalidArticle("slug", "article.invalid.slug-taken", slug, section.name());
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
		ArticleRow old = repository.find(id).orElseThrow(() -> new NotFound("article", id));
		Section section = checkedSection(draft);
		String slug = hasSlug(draft) ? explicitSlug(draft) : old.slug();
		repository.find(section.id(), slug).filter(other -> other.id() != id).ifPresent(other -> {
			throw new InvalidArticle("slug", "article.invalid.slug-taken", other.slug(), section.name());
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
			throw new InvalidArticle("leadImage", "media.invalid.no-image", String.valueOf(draft.leadImage().imageId()));
		}
	}

	static boolean hasSlug(ArticleDraft draft) {
		return draft.slug() != null && !draft.slug().isBlank();
	}

	private String explicitSlug(ArticleDraft draft) {
		String slug = slugger.slugify(draft.slug());
		if (slug.isEmpty()) {
			throw new InvalidArticle("slug", "article.invalid.slug-letter");
		}
		return slug;
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
		Map<String, Object> params = new HashMap<>();
		if (!Permission.EDIT_ANY_ARTICLE.allows(actor)) {
			where.append(" AND a.created_by = :actor");
			params.put("actor", actor.id());
			if (!Permission.PUBLISH_OWN.allows(actor)) {
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
			params.put("title", "%" + query.titleContains().toLowerCase(Locale.ROOT)
				.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		int total = repository.count(where.toString(), params);
		int pageCount = Math.max(1, (total + query.pageSize() - 1) / query.pageSize());
		if (query.page() > pageCount) {
			return new NewsroomList(List.of(), query.page(), pageCount);
		}
		var rows = repository.list(where.toString(), params, query.pageSize(), (long) (query.page() - 1) * query.pageSize());
		var parts = assembler.parts(rows, false);
		var items = rows.stream()
			.map(r -> new ArticleSummary(r.id(), r.title(), parts.sections().get(r.sectionId()), parts.authorsOf(r),
					ArticleStatus.ofCode(r.status()), ArticleAssembler.instant(r.publishedAt()),
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

	/** @return the titles of the articles with these ids, in any status (missing ids left out) */
	public Map<Long, String> titles(Collection<Long> ids) {
		return repository.titles(ids);
	}

	/** @return how many articles exist in any status */
	public int count() {
		return repository.count();
	}

}
