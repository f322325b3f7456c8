package org.broadsheet.article;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.broadsheet.author.Author;
import org.broadsheet.author.Authors;
import org.broadsheet.media.Image;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.Taxonomy;
import org.springframework.stereotype.Component;

/**
 * Turns article rows into articles and teasers: their authors, sections, tags and images
 * are loaded with one query per kind for all the rows, never one per article.
 */
@Component
class ArticleAssembler {

	private final ArticleRepository repository;

	private final Authors authors;

	private final Taxonomy taxonomy;

	private final MediaLibrary media;

	ArticleAssembler(ArticleRepository repository, Authors authors, Taxonomy taxonomy, MediaLibrary media) {
		this.repository = repository;
		this.authors = authors;
		this.taxonomy = taxonomy;
		this.media = media;
	}

	/**
	 * The authors, sections and images (and tags when {@code withTags}) of these rows.
	 */
	Parts parts(List<ArticleRow> rows, boolean withTags) {
		List<Long> ids = rows.stream().map(ArticleRow::id).toList();
		var authorIds = repository.authorIds(ids);
		var tagIds = withTags ? repository.tagIds(ids) : Map.<Long, List<Long>>of();
		return new Parts(taxonomy.sectionsByIds(distinct(rows.stream().map(ArticleRow::sectionId).toList())), authorIds,
				authors.byIds(flatten(authorIds.values())), tagIds, taxonomy.tagsByIds(flatten(tagIds.values())),
				media.byIds(distinct(rows.stream().map(ArticleRow::leadImageId).filter(i -> i != null).toList())));
	}

	/**
	 * @return teasers of {@code rows}, in their order
	 */
	List<ArticleTeaser> teasers(List<ArticleRow> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		var parts = parts(rows, false);
		return rows.stream()
			.map(r -> new ArticleTeaser(r.id(), r.slug(), r.title(), parts.sections().get(r.sectionId()),
					parts.authorsOf(r), r.summary(), parts.image(r), ArticleRow.instant(r.publishedAt()), r.language()))
			.toList();
	}

	/**
	 * @return the whole article of a row read with {@link ArticleRow#COLUMNS}
	 */
	Article full(ArticleRow r) {
		return full(r, parts(List.of(r), true));
	}

	Article full(ArticleRow r, Parts parts) {
		return new Article(r.id(), r.slug(), r.title(), parts.sections().get(r.sectionId()), parts.authorsOf(r),
				r.summary(), r.bodyHtml(), parts.image(r), parts.tagsOf(r), r.language(),
				ArticleStatus.ofCode(r.status()), ArticleRow.instant(r.publishedAt()),
				Instant.ofEpochMilli(r.updatedAt()), r.syndication());
	}

	private static Set<Long> distinct(Collection<Long> ids) {
		return new HashSet<>(ids);
	}

	private static Set<Long> flatten(Collection<List<Long>> lists) {
		Set<Long> all = new HashSet<>();
		lists.forEach(all::addAll);
		return all;
	}

	/** The authors, sections, tags and images of some rows. */
	record Parts(Map<Long, Section> sections, Map<Long, List<Long>> authorIds, Map<Long, Author> authors,
			Map<Long, List<Long>> tagIds, Map<Long, Tag> tags, Map<Long, Image> images) {

		List<Author> authorsOf(ArticleRow r) {
			return authorIds.getOrDefault(r.id(), List.of()).stream().map(authors::get).toList();
		}

		List<Tag> tagsOf(ArticleRow r) {
			return tagIds.getOrDefault(r.id(), List.of()).stream().map(tags::get).toList();
		}

		Image image(ArticleRow r) {
			Image image = r.leadImageId() == null ? null : images.get(r.leadImageId());
			return image == null ? null
					: image.describedAs(r.leadImageAlt(), r.leadImageCaption(), r.leadImageCredit());
		}

	}

}
