package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.broadsheet.author.Author;
import org.broadsheet.author.Authors;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.shared.NotFound;
import org.broadsheet.shared.Permalinks;
import org.broadsheet.shared.SlugClaim;
import org.broadsheet.shared.Slugger;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.Taxonomy;
import org.springframework.stereotype.Component;

/**
 * Writes article rows with their authors, tags, redirects and revisions. Only the
 * use-case services ({@link ArticleWorkflow}, {@link ArticleInterchange}) call it: they
 * check permission, audit and publish the event that {@link Written#event()} names.
 */
@Component
class ArticleWriter {

	/** The slug of an article whose title has no letter or digit (emoji, punctuation). */
	static final String FALLBACK_SLUG = "article";

	private final ArticleRepository repository;

	private final Authors authors;

	private final Taxonomy taxonomy;

	private final MediaLibrary media;

	private final MarkdownRenderer markdown;

	private final Slugger slugger;

	private final Revisions revisions;

	private final Clock clock;

	ArticleWriter(ArticleRepository repository, Authors authors, Taxonomy taxonomy, MediaLibrary media,
			MarkdownRenderer markdown, Slugger slugger, Revisions revisions, Clock clock) {
		this.repository = repository;
		this.authors = authors;
		this.taxonomy = taxonomy;
		this.media = media;
		this.markdown = markdown;
		this.slugger = slugger;
		this.revisions = revisions;
		this.clock = clock;
	}

	/**
	 * What a write did.
	 *
	 * @param path percent-encoded
	 * @param event the one event the change amounts to, for the use case to publish
	 */
	record Written(long id, String path, boolean created, ArticleEvent event) {

		SavedArticle saved() {
			return new SavedArticle(id, path, created);
		}

	}

	/**
	 * Creates a new article for the newsroom, never updating an existing one: a wanted
	 * slug that is taken in the section is refused; a slug made from the title takes the
	 * first free one.
	 * @throws IllegalArgumentException naming the field
	 */
	Written create(ArticleDraft draft, Long accountId) {
		Section section = checkedSection(draft);
		String slug;
		if (hasSlug(draft)) {
			slug = explicitSlug(draft);
			if (repository.find(section.id(), slug).isPresent()) {
				throw new ArticleConflict("slug", "article.invalid.slug-taken", slug, section.name());
			}
		}
		else {
			// A name no article has: only a free slug satisfies the claim.
			slug = SlugClaim
				.claim(slugger.slugify(draft.title(), FALLBACK_SLUG), "\u0000new",
						s -> repository.find(section.id(), s).map(ArticleRow::title))
				.slug();
		}
		return write(null, section, slug, draft, accountId);
	}

	/**
	 * The draft's section, found or created, once the draft has passed
	 * {@link ArticleRules}: every write starts here, so nothing is written for a draft
	 * that breaks a rule.
	 * @throws InvalidArticle naming the field at fault
	 */
	Section checkedSection(ArticleDraft draft) {
		ArticleRules.check(draft);
		return taxonomy.section(draft.section());
	}

	/**
	 * @return the stored publication instant of an article, if it has one (UTC)
	 */
	Optional<Instant> storedPublishedAt(long id) {
		return repository.find(id).map(ArticleRow::publishedAt).map(Instant::ofEpochMilli);
	}

	/**
	 * Creates the article, or updates the one it is in its section: the one with the
	 * draft's slug when the draft names one, else the one with the same title. Saving the
	 * same draft twice changes nothing. Titles that share a slug get {@code -2},
	 * {@code -3}, …; titles without a letter or digit get {@code article}. Creates
	 * unknown authors, sections and tags.
	 * @param accountId recorded as the creator and in the revision; null for a system
	 * actor
	 * @throws InvalidArticle naming the field, when a name or the slug has no letter or
	 * digit
	 */
	Written upsert(ArticleDraft draft, Long accountId) {
		// The article it updates is read locked: the status it has decides the event (the
		// scheduler may publish it meanwhile). The workflow's own use cases lock first.
		Section section = checkedSection(draft);
		if (hasSlug(draft)) {
			String slug = explicitSlug(draft);
			return write(
					repository.find(section.id(), slug).flatMap(row -> repository.findLocked(row.id())).orElse(null),
					section, slug, draft, accountId);
		}
		var claim = SlugClaim.claim(slugger.slugify(draft.title(), FALLBACK_SLUG), draft.title(),
				s -> repository.find(section.id(), s).map(ArticleRow::title));
		return write(claim.held() ? repository.find(section.id(), claim.slug())
			.flatMap(row -> repository.findLocked(row.id()))
			.orElseThrow() : null, section, claim.slug(), draft, accountId);
	}

	/**
	 * Replaces article {@code id} with {@code draft} as a new revision. When its section
	 * or slug changes, the old address answers with a permanent redirect to the new one.
	 * @param accountId recorded in the revision
	 * @throws InvalidArticle naming the field: the slug is taken by another article in
	 * the section
	 * @throws NotFound when there is no such article
	 */
	Written update(long id, ArticleDraft draft, Long accountId) {
		ArticleRow old = repository.find(id).orElseThrow(() -> new NotFound("article", id));
		Section section = checkedSection(draft);
		if (hasSlug(draft)) {
			String slug = explicitSlug(draft);
			repository.find(section.id(), slug).filter(other -> other.id() != id).ifPresent(other -> {
				throw new ArticleConflict("slug", "article.invalid.slug-taken", slug, section.name());
			});
			return write(old, section, slug, draft, accountId);
		}
		// A new title without a chosen slug: the first slug that is free or already this
		// article's.
		String base = slugger.slugify(draft.title(), FALLBACK_SLUG);
		String slug = SlugClaim
			.claim(base, Long.toString(id), s -> repository.find(section.id(), s).map(row -> Long.toString(row.id())))
			.slug();
		return write(old, section, slug, draft, accountId);
	}

	/**
	 * Makes an existing revision what article {@code id} shows (publishing, scheduling or
	 * restoring it), without storing a new one.
	 */
	Written apply(long id, ArticleDraft draft, long revisionId) {
		ArticleRow old = repository.find(id).orElseThrow(() -> new NotFound("article", id));
		Section section = checkedSection(draft);
		String slug = hasSlug(draft) ? explicitSlug(draft) : old.slug();
		repository.find(section.id(), slug).filter(other -> other.id() != id).ifPresent(other -> {
			throw new ArticleConflict("slug", "article.invalid.slug-taken", other.slug(), section.name());
		});
		return write(old, section, slug, draft, null, revisionId);
	}

	Written write(ArticleRow old, Section section, String slug, ArticleDraft draft, Long accountId) {
		return write(old, section, slug, draft, accountId, null);
	}

	/**
	 * Makes {@code draft} what the article row holds: as a new revision that is both
	 * latest and live, or as the given existing revision.
	 */
	private Written write(ArticleRow old, Section section, String slug, ArticleDraft draft, Long accountId,
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
		if (revisionId == null) {
			revisionId = revisions.add(id, accountId, draft, clock.millis());
			repository.setLatestRevision(id, revisionId);
		}
		repository.setLiveRevision(id, revisionId);
		boolean wasPublished = old != null && ArticleStatus.PUBLISHED.code().equals(old.status());
		boolean isPublished = draft.status() == ArticleStatus.PUBLISHED;
		ArticleEvent event = isPublished && !wasPublished ? new ArticleEvent.ArticlePublished(id)
				: wasPublished && !isPublished ? new ArticleEvent.ArticleUnpublished(id)
						: isPublished ? new ArticleEvent.ArticleUpdated(id) : new ArticleEvent.ArticleRevised(id);
		return new Written(id, Permalinks.article(section.slug(), slug), old == null, event);
	}

	/**
	 * Stores a revision without changing what the row holds.
	 * @return its id
	 * @throws InvalidArticle naming the field, when the draft breaks a rule or its lead
	 * image is not in the media library
	 */
	long addRevision(long id, ArticleDraft draft, Long accountId) {
		// Checked now, not when it is published: a revision that breaks a rule could
		// never go live.
		check(draft);
		long revisionId = revisions.add(id, accountId, draft, clock.millis());
		repository.setLatestRevision(id, revisionId);
		return revisionId;
	}

	/**
	 * Checks a draft against {@link ArticleRules} and the media library without writing
	 * anything.
	 * @throws InvalidArticle naming the field at fault
	 */
	void check(ArticleDraft draft) {
		ArticleRules.check(draft);
		requireImage(draft);
	}

	/**
	 * The newsroom's and the API's rule for body images (imports fill the text in
	 * instead): every image has alt text.
	 * @throws InvalidArticle on {@code body}, naming the first image without alt text
	 */
	void requireBodyAlt(ArticleDraft draft) {
		markdown.requireAlt(draft.bodyMarkdown());
	}

	/**
	 * @throws InvalidArticle when the lead image is not in the media library
	 */
	void requireImage(ArticleDraft draft) {
		if (draft.leadImage() != null && media.byIds(Set.of(draft.leadImage().imageId())).isEmpty()) {
			throw new InvalidArticle("leadImage", "media.invalid.no-image",
					String.valueOf(draft.leadImage().imageId()));
		}
	}

	static boolean hasSlug(ArticleDraft draft) {
		return draft.slug() != null && !draft.slug().isBlank();
	}

	/**
	 * @return {@code slug}, or {@link #FALLBACK_SLUG} when it is empty
	 */
	static String orFallback(String slug) {
		return slug.isEmpty() ? FALLBACK_SLUG : slug;
	}

	/** The draft's own slug: kept exactly when it is a valid slug, else slugified. */
	private String explicitSlug(ArticleDraft draft) {
		String slug = slugger.keep(draft.slug());
		if (slug.isEmpty()) {
			throw new InvalidArticle("slug", "article.invalid.slug-letter");
		}
		return slug;
	}

}
