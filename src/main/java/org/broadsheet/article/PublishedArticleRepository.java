package org.broadsheet.article;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.broadsheet.shared.Permalinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the reader's side: public articles, listings, neighbours, feed and sitemap
 * links. Every query is an index seek or an index walk that stops at its limit (migration
 * V22): none reads the archive. Lookups by id read the rows by primary key and leave the
 * status test to Java, since a status condition tempts SQLite into walking the status
 * index instead. Instants are epoch ms.
 */
@Repository
class PublishedArticleRepository {

	private static final String PUBLIC = "a.status = 'published' AND a.published_at <= :now";

	private static final String NEWEST_FIRST = " ORDER BY a.published_at DESC, a.id DESC";

	private final JdbcClient jdbc;

	PublishedArticleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Which public articles a listing holds: the tables to read (alias {@code a} for the
	 * article; join tables first, so that SQLite starts from the tag's or author's index)
	 * and the condition.
	 */
	record Listing(String from, String where, Map<String, Object> params) {

		static final Listing ALL = new Listing("article a", "1 = 1", Map.of());

		static Listing section(long id) {
			return new Listing("article a", "a.section_id = :section", Map.of("section", id));
		}

		/** The articles matching every filter that is not null (a feed's filters). */
		static Listing of(Long sectionId, Long authorId, Long tagId) {
			StringBuilder from = new StringBuilder();
			StringBuilder where = new StringBuilder("1 = 1");
			var params = new HashMap<String, Object>();
			if (authorId != null) {
				from.append("article_author ja CROSS JOIN ");
				where.append(" AND ja.author_id = :author AND ja.article_id = a.id");
				params.put("author", authorId);
			}
			if (tagId != null) {
				from.append("article_tag jt CROSS JOIN ");
				where.append(" AND jt.tag_id = :tag AND jt.article_id = a.id");
				params.put("tag", tagId);
			}
			if (sectionId != null) {
				where.append(" AND a.section_id = :section");
				params.put("section", sectionId);
			}
			return new Listing(from + "article a", where.toString(), Map.copyOf(params));
		}

	}

	Optional<ArticleRow> find(String sectionSlug, String slug, long now) {
		return jdbc.sql("SELECT " + ArticleRow.COLUMNS + """
				 FROM section s JOIN article a ON a.section_id = s.id
				WHERE s.slug = :section AND a.slug = :slug AND\s""" + PUBLIC)
			.param("section", sectionSlug)
			.param("slug", slug)
			.param("now", now)
			.query(ArticleRow.class)
			.optional();
	}

	/**
	 * @return the rows with these ids, in any status (whole when {@code whole}, else
	 * teaser columns)
	 */
	List<ArticleRow> byIds(Collection<Long> ids, boolean whole) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("SELECT " + (whole ? ArticleRow.COLUMNS : ArticleRow.TEASER_COLUMNS)
					+ " FROM article a WHERE a.id IN (:ids)")
			.param("ids", ids)
			.query(ArticleRow.class)
			.list();
	}

	/**
	 * @return whether the address was a public article's that is not public any more
	 * (unpublished, in the trash, or purged), under its current or a former slug
	 */
	boolean gone(String sectionSlug, String slug, long now) {
		return !jdbc
			.sql("""
					SELECT 1 FROM section s JOIN article a ON a.section_id = s.id
					WHERE s.slug = :section AND a.slug = :slug AND a.status <> 'published' AND a.published_at <= :now
					UNION ALL SELECT 1 FROM article_redirect r JOIN article a ON a.id = r.article_id
					WHERE r.section_slug = :section AND r.slug = :slug AND a.status <> 'published' AND a.published_at <= :now
					UNION ALL SELECT 1 FROM article_gone g WHERE g.section_slug = :section AND g.slug = :slug""")
			.param("section", sectionSlug)
			.param("slug", slug)
			.param("now", now)
			.query(Integer.class)
			.list()
			.isEmpty();
	}

	/**
	 * @return when an article last left the site (unpublished or deleted), epoch ms, or 0
	 * (one index seek)
	 */
	long lastDeparture() {
		return jdbc.sql("SELECT COALESCE(MAX(left_at), 0) FROM article").query(Long.class).single();
	}

	Optional<Long> redirectTarget(String sectionSlug, String slug) {
		return jdbc.sql("SELECT article_id FROM article_redirect WHERE section_slug = ? AND slug = ?")
			.params(sectionSlug, slug)
			.query(Long.class)
			.optional();
	}

	List<Long> publishedIds() {
		return jdbc.sql("SELECT id FROM article WHERE status = 'published' ORDER BY id").query(Long.class).list();
	}

	/**
	 * The front page: sticky articles first, then newest first. Each half walks index
	 * article_front to the page's end, so only the rows up to it are merged.
	 */
	List<ArticleRow> front(long now, int limit, long offset) {
		String half = "SELECT " + ArticleRow.TEASER_COLUMNS + ", a.sticky FROM article a WHERE " + PUBLIC
				+ " AND a.sticky = %s" + NEWEST_FIRST + " LIMIT :end";
		return jdbc
			.sql("SELECT * FROM (" + half.formatted("TRUE") + ") s UNION ALL SELECT * FROM (" + half.formatted("FALSE")
					+ ") n ORDER BY sticky DESC, published_at DESC, id DESC LIMIT :limit OFFSET :offset")
			.param("now", now)
			.param("end", offset + limit)
			.param("limit", limit)
			.param("offset", offset)
			.query(ArticleRow.class)
			.list();
	}

	/** One page of a listing, newest first. */
	List<ArticleRow> list(Listing listing, long now, int limit, long offset) {
		return jdbc
			.sql("SELECT " + ArticleRow.TEASER_COLUMNS + " FROM " + listing.from() + " WHERE " + listing.where()
					+ " AND " + PUBLIC + NEWEST_FIRST + " LIMIT :limit OFFSET :offset")
			.params(listing.params())
			.param("now", now)
			.param("limit", limit)
			.param("offset", offset)
			.query(ArticleRow.class)
			.list();
	}

	/**
	 * One page of public articles, whole, newest first, after a keyset position: a walk
	 * of the listing's newest-first index from {@code (afterAt, afterId)}, never an
	 * OFFSET.
	 * @param language null for any; else the articles in that language (and, when
	 * {@code languageOrNull}, those stored without one: the site's language)
	 * @param updatedSince epoch ms, or null
	 * @param afterAt epoch ms of the last article of the previous page, or null for the
	 * first page
	 */
	List<ArticleRow> page(Listing listing, String language, boolean languageOrNull, Long updatedSince, Long afterAt,
			long afterId, long now, int limit) {
		StringBuilder where = new StringBuilder(listing.where()).append(" AND ").append(PUBLIC);
		var params = new HashMap<String, Object>(listing.params());
		if (language != null) {
			where.append(languageOrNull ? " AND (a.language = :language OR a.language IS NULL)"
					: " AND a.language = :language");
			params.put("language", language);
		}
		if (updatedSince != null) {
			where.append(" AND a.updated_at >= :since");
			params.put("since", updatedSince);
		}
		if (afterAt != null) {
			where.append(" AND (a.published_at < :at OR (a.published_at = :at AND a.id < :after))");
			params.put("at", afterAt);
			params.put("after", afterId);
		}
		return jdbc
			.sql("SELECT " + ArticleRow.COLUMNS + " FROM " + listing.from() + " WHERE " + where + NEWEST_FIRST
					+ " LIMIT :limit")
			.params(params)
			.param("now", now)
			.param("limit", limit)
			.query(ArticleRow.class)
			.list();
	}

	/**
	 * @return the ids of the listing's public articles published in [{@code from},
	 * {@code until}) (epoch ms), newest first, at most {@code limit}: a walk of the
	 * listing's index from {@code until} that stops at {@code from}
	 */
	List<Long> idsBetween(Listing listing, long from, long until, long now, int limit) {
		return jdbc
			.sql("SELECT a.id FROM " + listing.from() + " WHERE " + listing.where() + " AND " + PUBLIC
					+ " AND a.published_at >= :from AND a.published_at < :until" + NEWEST_FIRST + " LIMIT :limit")
			.params(listing.params())
			.param("from", from)
			.param("until", until)
			.param("now", now)
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/**
	 * @return the Markdown source of the articles with these ids, by id
	 */
	Map<Long, String> markdown(Collection<Long> ids) {
		var sources = new HashMap<Long, String>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT id, body_markdown FROM article WHERE id IN (:ids)").param("ids", ids).query(rs -> {
				sources.put(rs.getLong(1), rs.getString(2));
			});
		}
		return sources;
	}

	int count(Listing listing, long now) {
		return jdbc.sql("SELECT COUNT(*) FROM " + listing.from() + " WHERE " + listing.where() + " AND " + PUBLIC)
			.params(listing.params())
			.param("now", now)
			.query(Integer.class)
			.single();
	}

	/**
	 * @return how many public articles share article {@code articleId}'s section,
	 * counting at most {@code atMost} (one seek into the section index; the article's own
	 * status does not matter)
	 */
	int publicInSectionOf(long articleId, long now, int atMost) {
		return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM article a WHERE " + PUBLIC
				+ " AND a.section_id = (SELECT section_id FROM article WHERE id = :id) LIMIT :most) public_articles")
			.param("now", now)
			.param("id", articleId)
			.param("most", atMost)
			.query(Integer.class)
			.single();
	}

	/**
	 * @return the ids of public articles whose lead image is {@code imageId}, at most
	 * {@code atMost} (index article_lead_image)
	 */
	List<Long> publicWithLeadImage(long imageId, long now, int atMost) {
		return jdbc.sql("SELECT a.id FROM article a WHERE " + PUBLIC + " AND a.lead_image_id = :image LIMIT :most")
			.param("now", now)
			.param("image", imageId)
			.param("most", atMost)
			.query(Long.class)
			.list();
	}

	/**
	 * The public article published just before (or after) instant {@code at}, ties broken
	 * by id: a seek into index article_published that reads past the articles sharing the
	 * instant only.
	 */
	Optional<ArticleRow> neighbour(long id, long at, boolean older, long now) {
		String sql = older ? "a.published_at <= :at AND NOT (a.published_at = :at AND a.id >= :id)" + NEWEST_FIRST
				: "a.published_at >= :at AND NOT (a.published_at = :at AND a.id <= :id)"
						+ " ORDER BY a.published_at ASC, a.id ASC";
		return jdbc
			.sql("SELECT " + ArticleRow.TEASER_COLUMNS + " FROM article a WHERE " + PUBLIC + " AND " + sql + " LIMIT 1")
			.param("at", at)
			.param("id", id)
			.param("now", now)
			.query(ArticleRow.class)
			.optional();
	}

	List<SitemapLink> links(long now, int limit, long offset) {
		return jdbc
			.sql("SELECT s.slug, a.slug, a.updated_at, a.title FROM article a JOIN section s ON s.id = a.section_id "
					+ "WHERE " + PUBLIC + " ORDER BY a.published_at, a.id LIMIT :limit OFFSET :offset")
			.param("now", now)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> link(Permalinks.article(rs.getString(1), rs.getString(2)), rs.getLong(3),
					rs.getString(4)))
			.list();
	}

	List<SitemapLink> linksSince(long now, long since) {
		return jdbc
			.sql("SELECT s.slug, a.slug, a.published_at, a.title, a.language FROM article a JOIN section s "
					+ "ON s.id = a.section_id WHERE " + PUBLIC
					+ " AND a.published_at >= :since ORDER BY a.published_at DESC LIMIT 1000")
			.param("now", now)
			.param("since", since)
			.query((rs, n) -> new SitemapLink(Permalinks.article(rs.getString(1), rs.getString(2)),
					Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4), rs.getString(5)))
			.list();
	}

	/**
	 * Listing pages with public articles, each with its newest change: one grouped query
	 * over every public article, which {@link PublishedArticles} therefore keeps between
	 * changes.
	 */
	List<SitemapLink> listingLinks(ListingKind kind, long now) {
		String sql = switch (kind) {
			case SECTION ->
				"SELECT x.slug, MAX(a.updated_at) FROM article a JOIN section x ON x.id = a.section_id WHERE " + PUBLIC
						+ " GROUP BY x.slug ORDER BY x.slug";
			case TAG -> "SELECT x.slug, MAX(a.updated_at) FROM article a JOIN article_tag j ON j.article_id = a.id "
					+ "JOIN tag x ON x.id = j.tag_id WHERE " + PUBLIC + " GROUP BY x.slug ORDER BY x.slug";
			case AUTHOR ->
				"SELECT x.slug, MAX(a.updated_at) FROM article a JOIN article_author j ON j.article_id = a.id "
						+ "JOIN author x ON x.id = j.author_id WHERE " + PUBLIC + " GROUP BY x.slug ORDER BY x.slug";
		};
		Function<String, String> path = switch (kind) {
			case SECTION -> Permalinks::section;
			case TAG -> Permalinks::tag;
			case AUTHOR -> Permalinks::author;
		};
		return jdbc.sql(sql)
			.param("now", now)
			.query((rs, n) -> link(path.apply(rs.getString(1)), rs.getLong(2), null))
			.list();
	}

	private static SitemapLink link(String path, long at, String title) {
		return new SitemapLink(path, Instant.ofEpochMilli(at), title, null);
	}

}
