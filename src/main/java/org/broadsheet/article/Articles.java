package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.broadsheet.account.Actor;
import org.broadsheet.account.Permission;
import org.broadsheet.author.Author;
import org.broadsheet.author.Authors;
import org.broadsheet.media.Image;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.shared.Slugger;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.Taxonomy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newsroom's reading of articles in any status, and previews. What readers see is
 * {@link PublishedArticles}; changes go through {@link ArticleWorkflow} and
 * {@link ArticleInterchange}.
 */
@Service
public class Articles {

	private final ArticleRepository repository;

	private final ArticleAssembler assembler;

	private final Authors authors;

	private final Taxonomy taxonomy;

	private final MediaLibrary media;

	private final MarkdownRenderer markdown;

	private final Slugger slugger;

	private final Clock clock;

	Articles(ArticleRepository repository, ArticleAssembler assembler, Authors authors, Taxonomy taxonomy,
			MediaLibrary media, MarkdownRenderer markdown, Slugger slugger, Clock clock) {
		this.repository = repository;
		this.assembler = assembler;
		this.authors = authors;
		this.taxonomy = taxonomy;
		this.media = media;
		this.markdown = markdown;
		this.slugger = slugger;
		this.clock = clock;
	}

	/** One page of the newsroom's list. */
	public record NewsroomList(List<ArticleSummary> items, int page, int pageCount) {
	}

	/**
	 * The newsroom's list: articles of any status matching {@code query}, last changed
	 * first, among those {@code actor} may open ({@link ArticleWorkflow#mayEdit}):
	 * editors every article, authors their own, contributors their own until scheduled or
	 * published. Nobody sees the titles of articles they may not open (an embargoed
	 * story's, say).
	 */
	@Transactional(readOnly = true)
	public NewsroomList inNewsroom(Actor actor, NewsroomQuery query) {
		// The trash has its own list (Trash).
		StringBuilder where = new StringBuilder("a.trashed_at IS NULL");
		Map<String, Object> params = new HashMap<>();
		if (!Permission.EDIT_ANY_ARTICLE.allows(actor)) {
			where.append(" AND a.created_by = :actor");
			params.put("actor", actor.accountId());
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
			params.put("title",
					"%" + query.titleContains()
						.toLowerCase(Locale.ROOT)
						.replace("\\", "\\\\")
						.replace("%", "\\%")
						.replace("_", "\\_") + "%");
		}
		int total = repository.count(where.toString(), params);
		int pageCount = Math.max(1, (total + query.pageSize() - 1) / query.pageSize());
		if (query.page() > pageCount) {
			return new NewsroomList(List.of(), query.page(), pageCount);
		}
		var rows = repository.list(where.toString(), params, query.pageSize(),
				(long) (query.page() - 1) * query.pageSize());
		var parts = assembler.parts(rows, false);
		var items = rows.stream()
			.map(r -> new ArticleSummary(r.id(), r.title(), parts.sections().get(r.sectionId()), parts.authorsOf(r),
					ArticleStatus.ofCode(r.status()), ArticleRow.instant(r.publishedAt()),
					Instant.ofEpochMilli(r.updatedAt())))
			.toList();
		return new NewsroomList(items, query.page(), pageCount);
	}

	/**
	 * The article as {@code draft} would show it, without storing anything: for the
	 * newsroom's preview of the exact reader page. Unknown sections, authors and tags
	 * appear as they would once created; an unpublished article is dated now.
	 */
	@Transactional(readOnly = true)
	public Article preview(long id, ArticleDraft draft) {
		String sectionSlug = slugger.slugify(draft.section(), "section");
		Section section = taxonomy.sectionBySlug(sectionSlug)
			.orElse(new Section(0, sectionSlug, draft.section(), false, false));
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
		String slug = ArticleWriter.hasSlug(draft) ? ArticleWriter.orFallback(slugger.keep(draft.slug()))
				: slugger.slugify(draft.title(), ArticleWriter.FALLBACK_SLUG);
		return new Article(id, slug, draft.title(), section, bylines, draft.summary(),
				markdown.render(draft.bodyMarkdown()), image, tagList, draft.language(), draft.status(), at, at,
				draft.syndication());
	}

	/**
	 * @return the Markdown rendered to the sanitized HTML readers would get
	 */
	public String renderMarkdown(String markdown) {
		return this.markdown.render(markdown == null ? "" : markdown);
	}

	/**
	 * @return the titles of the articles with these ids, in any status (missing ids left
	 * out)
	 */
	public Map<Long, String> titles(Collection<Long> ids) {
		return repository.titles(ids);
	}

	/**
	 * @return how many articles exist in any status
	 */
	public int count() {
		return repository.count();
	}

}
