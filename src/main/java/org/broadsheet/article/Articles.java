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

import org.broadsheet.author.Author;
import org.broadsheet.author.Authors;
import org.broadsheet.media.Image;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.Taxonomy;
import org.broadsheet.text.Slugger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saving articles and reading the public ones. Lists are assembled in a fixed number of queries
 * (articles, then their authors, sections and images in one query each), never one per article.
 */
@Service
public class Articles {

	private final ArticleRepository repository;

	private final Authors authors;

	private final Taxonomy taxonomy;

	private final MediaLibrary media;

	private final MarkdownRenderer markdown;

	private final Slugger slugger;

	private final Clock clock;

	Articles(ArticleRepository repository, Authors authors, Taxonomy taxonomy, MediaLibrary media,
			MarkdownRenderer markdown, Slugger slugger, Optional<Clock> clock) {
		this.repository = repository;
		this.authors = authors;
		this.taxonomy = taxonomy;
		this.media = media;
		this.markdown = markdown;
		this.slugger = slugger;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** What {@link #save(ArticleDraft)} did. */
	public record Saved(long id, String path, boolean created) {
	}

	/**
	 * Creates the article, or updates the one with the same slug (in the draft's section, else in
	 * any section), so saving the same draft twice changes nothing. Creates unknown authors,
	 * sections and tags. A changed address leaves a redirect from the old one.
	 *
	 * @throws IllegalArgumentException naming the field, when a name or slug has no letter or digit
	 */
	@Transactional
	public Saved save(ArticleDraft draft) {
		Section section = taxonomy.section(draft.section());
		String slug = slugOf(draft);
		var existing = repository.find(section.id(), slug).or(() -> repository.findAnySection(slug));
		return write(existing.orElse(null), section, slug, draft);
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
		ArticleRow old = repository.find(id).orElseThrow(() -> new IllegalArgumentException("id: no article " + id));
		Section section = taxonomy.section(draft.section());
		String slug = slugOf(draft);
		repository.find(section.id(), slug).filter(other -> other.id() != id).ifPresent(other -> {
			throw new IllegalArgumentException("slug: '" + slug + "' is already used in " + section.name());
		});
		return write(old, section, slug, draft);
	}

	private Saved write(ArticleRow old, Section section, String slug, ArticleDraft draft) {
		List<Long> authorIds = draft.authors().stream().map(authors::save).map(Author::id).distinct().toList();
		List<Long> tagIds = draft.tags().stream().map(taxonomy::tag).map(Tag::id).distinct().toList();
		String html = markdown.render(draft.bodyMarkdown());
		long published = draft.publishedAt() == null ? 0 : draft.publishedAt().toEpochMilli();
		long updated = draft.updatedAt() != null ? draft.updatedAt().toEpochMilli()
				: published != 0 ? published : clock.millis();
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
		return new Saved(id, Paths.of(section, slug), old == null);
	}

	private String slugOf(ArticleDraft draft) {
		String slug = slugger.slugify(draft.slug() != null && !draft.slug().isBlank() ? draft.slug() : draft.title());
		if (slug.isEmpty()) {
			throw new IllegalArgumentException("slug: needs a letter or a digit (the title has none)");
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

	/** @param page 1-based; beyond the last page gives an empty list */
	@Transactional(readOnly = true)
	public ArticleList latest(int page, int pageSize) {
		return list("", Map.of(), page, pageSize);
	}

	@Transactional(readOnly = true)
	public ArticleList inSection(Section section, int page, int pageSize) {
		return list(" AND a.section_id = :section", Map.of("section", section.id()), page, pageSize);
	}

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

	/**
	 * Up to {@code limit} public articles related to {@code article}: most shared tags first, then
	 * the same section, then newest. Never the article itself.
	 */
	@Transactional(readOnly = true)
	public List<ArticleTeaser> related(Article article, int limit) {
		return teasers(repository.related(article.id(), article.section().id(), clock.millis(), limit));
	}

	/** @return the public articles published just before and after {@code article} */
	@Transactional(readOnly = true)
	public Neighbours neighbours(Article article) {
		long now = clock.millis();
		long at = article.publishedAt().toEpochMilli();
		var older = repository.neighbour(article.id(), at, true, now);
		var newer = repository.neighbour(article.id(), at, false, now);
		List<ArticleTeaser> both = teasers(Stream.concat(older.stream(), newer.stream()).toList());
		return new Neighbours(older.isPresent() ? both.get(0) : null,
				newer.isPresent() ? both.get(both.size() - 1) : null);
	}

	/** @return how many articles exist in any status */
	public int count() {
		return repository.count();
	}

	private ArticleList list(String filter, Map<String, ?> params, int page, int pageSize) {
		int current = Math.max(1, page);
		long now = clock.millis();
		int total = repository.countPublic(filter, params, now);
		var rows = repository.listPublic(filter, params, now, pageSize, (current - 1) * pageSize);
		return new ArticleList(teasers(rows), current, Math.max(1, (total + pageSize - 1) / pageSize));
	}

	private List<ArticleTeaser> teasers(List<ArticleRow> rows) {
		var parts = Parts.load(rows, this, false);
		return rows.stream()
			.map(r -> new ArticleTeaser(r.id(), r.slug(), r.title(), parts.sections.get(r.sectionId()),
					parts.authorsOf(r), r.summary(), parts.image(r), instant(r.publishedAt())))
			.toList();
	}

	private Article full(ArticleRow r) {
		var parts = Parts.load(List.of(r), this, true);
		return new Article(r.id(), r.slug(), r.title(), parts.sections.get(r.sectionId()), parts.authorsOf(r),
				r.summary(), r.bodyHtml(), parts.image(r), parts.tagsOf(r), r.language(),
				ArticleStatus.valueOf(r.status().toUpperCase(java.util.Locale.ROOT)), instant(r.publishedAt()),
				Instant.ofEpochMilli(r.updatedAt()), r.syndication());
	}

	private static Instant instant(Long millis) {
		return millis == null ? null : Instant.ofEpochMilli(millis);
	}

	/** The authors, sections, tags and images of some rows, loaded with one query per kind. */
	private record Parts(Map<Long, Section> sections, Map<Long, List<Long>> authorIds, Map<Long, Author> authors,
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
			return r.leadImageId() == null ? null : images.get(r.leadImageId());
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
