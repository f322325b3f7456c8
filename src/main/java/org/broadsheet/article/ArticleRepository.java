package org.broadsheet.article;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for writing articles and their authors, tags and redirects, and for the newsroom's reading;
 * the reader's side is {@link PublishedArticleRepository}. Instants are epoch milliseconds.
 */
@Repository
class ArticleRepository {

	private final JdbcClient jdbc;

	ArticleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ArticleRow> find(long sectionId, String slug) {
		return jdbc.sql("SELECT " + ArticleRow.COLUMNS + " FROM article a WHERE a.section_id = ? AND a.slug = ?")
			.params(sectionId, slug).query(ArticleRow.class).optional();
	}

	Optional<ArticleRow> find(long id) {
		return jdbc.sql("SELECT " + ArticleRow.COLUMNS + " FROM article a WHERE a.id = ?").param(id)
			.query(ArticleRow.class).optional();
	}

	void setCreatedBy(long id, long accountId) {
		jdbc.sql("UPDATE article SET created_by = ? WHERE id = ?").params(accountId, id).update();
	}

	/** @return whether the article had status {@code from} and now has {@code to} */
	boolean setStatus(long id, ArticleStatus from, ArticleStatus to) {
		return jdbc.sql("UPDATE article SET status = ? WHERE id = ? AND status = ?").params(to.code(), id, from.code())
			.update() == 1;
	}

	boolean delete(long id) {
		// Authorship, tags, redirects and comments go with it (ON DELETE CASCADE).
		return jdbc.sql("DELETE FROM article WHERE id = ?").param(id).update() == 1;
	}

	/** @param publishedAt epoch milliseconds, or null for none */
	long insert(long sectionId, String slug, ArticleDraft d, String bodyHtml, Long publishedAt, long updatedAt) {
		return jdbc.sql("""
				INSERT INTO article (section_id, slug, title, summary, body_markdown, body_html, language,
				  lead_image_id, status, published_at, updated_at, syndication_publication, syndication_note,
				  syndication_url, lead_image_alt, lead_image_caption, lead_image_credit)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(sectionId, slug, d.title(), d.summary(), d.bodyMarkdown(), bodyHtml, d.language(),
					imageId(d), d.status().code(),
					publishedAt, updatedAt, syndication(d).publication(), syndication(d).note(),
					syndication(d).url(), image(d).alt(), image(d).caption(), image(d).credit())
			.query(Long.class).single();
	}

	/** @param publishedAt epoch milliseconds, or null for none */
	void update(long id, long sectionId, String slug, ArticleDraft d, String bodyHtml, Long publishedAt,
			long updatedAt) {
		jdbc.sql("""
				UPDATE article SET section_id = ?, slug = ?, title = ?, summary = ?, body_markdown = ?,
				  body_html = ?, language = ?, lead_image_id = ?, status = ?, published_at = ?, updated_at = ?,
				  syndication_publication = ?, syndication_note = ?, syndication_url = ?, lead_image_alt = ?,
				  lead_image_caption = ?, lead_image_credit = ?
				WHERE id = ?""")
			.params(sectionId, slug, d.title(), d.summary(), d.bodyMarkdown(), bodyHtml, d.language(),
					imageId(d), d.status().code(),
					publishedAt, updatedAt, syndication(d).publication(), syndication(d).note(),
					syndication(d).url(), image(d).alt(), image(d).caption(), image(d).credit(), id)
			.update();
	}

	private static Long imageId(ArticleDraft d) {
		return d.leadImage() == null ? null : d.leadImage().imageId();
	}

	private static ImageUse image(ArticleDraft d) {
		return d.leadImage() == null ? new ImageUse(0, null, null, null) : d.leadImage();
	}

	private static Syndication syndication(ArticleDraft d) {
		return d.syndication() == null ? new Syndication(null, null, null) : d.syndication();
	}

	void replaceAuthors(long articleId, List<Long> authorIds) {
		jdbc.sql("DELETE FROM article_author WHERE article_id = ?").param(articleId).update();
		for (int i = 0; i < authorIds.size(); i++) {
			jdbc.sql("INSERT INTO article_author (article_id, author_id, position) VALUES (?, ?, ?)")
				.params(articleId, authorIds.get(i), i).update();
		}
	}

	void replaceTags(long articleId, List<Long> tagIds) {
		jdbc.sql("DELETE FROM article_tag WHERE article_id = ?").param(articleId).update();
		for (int i = 0; i < tagIds.size(); i++) {
			jdbc.sql("INSERT INTO article_tag (article_id, tag_id, position) VALUES (?, ?, ?)")
				.params(articleId, tagIds.get(i), i).update();
		}
	}

	/** Remembers an old address; an address that is live again stops redirecting. */
	void redirect(String oldSectionSlug, String oldSlug, long articleId, String newSectionSlug, String newSlug) {
		jdbc.sql("""
				INSERT INTO article_redirect (section_slug, slug, article_id) VALUES (?, ?, ?)
				ON CONFLICT (section_slug, slug) DO UPDATE SET article_id = excluded.article_id""")
			.params(oldSectionSlug, oldSlug, articleId).update();
		jdbc.sql("DELETE FROM article_redirect WHERE section_slug = ? AND slug = ?")
			.params(newSectionSlug, newSlug).update();
	}

	/** @return author ids per article id, in byline order (one query) */
	Map<Long, List<Long>> authorIds(Collection<Long> articleIds) {
		return idsPerArticle("SELECT article_id, author_id FROM article_author WHERE article_id IN (:ids) "
				+ "ORDER BY article_id, position", articleIds);
	}

	/** @return tag ids per article id, in the writer's order (one query) */
	Map<Long, List<Long>> tagIds(Collection<Long> articleIds) {
		return idsPerArticle("SELECT article_id, tag_id FROM article_tag WHERE article_id IN (:ids) "
				+ "ORDER BY article_id, position", articleIds);
	}

	private Map<Long, List<Long>> idsPerArticle(String sql, Collection<Long> articleIds) {
		Map<Long, List<Long>> result = new LinkedHashMap<>();
		if (articleIds.isEmpty()) {
			return result;
		}
		jdbc.sql(sql).param("ids", articleIds).query((rs, n) -> {
			result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
			return null;
		}).list();
		return result;
	}

	/** Articles of any status matching {@code where} (SQL over alias {@code a}), last changed first. */
	List<ArticleRow> list(String where, Map<String, ?> params, int limit, long offset) {
		return jdbc.sql("SELECT " + ArticleRow.TEASER_COLUMNS + " FROM article a WHERE " + where
				+ " ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
			.params(params).param("limit", limit).param("offset", offset).query(ArticleRow.class).list();
	}

	int count(String where, Map<String, ?> params) {
		return jdbc.sql("SELECT COUNT(*) FROM article a WHERE " + where).params(params).query(Integer.class).single();
	}

	int count() {
		return jdbc.sql("SELECT COUNT(*) FROM article").query(Integer.class).single();
	}

	Map<Long, String> titles(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, String> titles = new HashMap<>();
		jdbc.sql("SELECT id, title FROM article WHERE id IN (:ids)").param("ids", ids)
			.query(rs -> {
				titles.put(rs.getLong(1), rs.getString(2));
			});
		return titles;
	}

	/** The article imported under {@code importKey}: its id, whether it is sticky, when it goes live. */
	record Imported(long id, boolean sticky, Long goLiveAt) {
	}

	Optional<Imported> findImported(String importKey) {
		return jdbc.sql("SELECT id, sticky, go_live_at FROM article WHERE import_key = ?").param(importKey)
			.query((rs, n) -> {
				long goLive = rs.getLong(3);
				Long goLiveAt = rs.wasNull() ? null : goLive;
				return new Imported(rs.getLong(1), rs.getBoolean(2), goLiveAt);
			}).optional();
	}

	void setImported(long id, String importKey, boolean sticky, Long goLiveAt) {
		jdbc.sql("UPDATE article SET import_key = ?, sticky = ?, go_live_at = ? WHERE id = ?")
			.params(importKey, sticky, goLiveAt, id).update();
	}

	/** Remembers a former slug in the article's section, unless that address is already remembered. */
	boolean keepOldSlug(String sectionSlug, String slug, long articleId) {
		return jdbc.sql("""
				INSERT INTO article_redirect (section_slug, slug, article_id) VALUES (?, ?, ?)
				ON CONFLICT (section_slug, slug) DO NOTHING""")
			.params(sectionSlug, slug, articleId).update() == 1;
	}

	/** @return the former slugs of these articles in the section each is in now, per article id */
	Map<Long, List<String>> oldSlugs(Collection<Long> articleIds) {
		Map<Long, List<String>> result = new LinkedHashMap<>();
		if (articleIds.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				SELECT r.article_id, r.slug FROM article_redirect r JOIN article a ON a.id = r.article_id
				JOIN section s ON s.id = a.section_id
				WHERE r.article_id IN (:ids) AND r.section_slug = s.slug ORDER BY r.article_id, r.slug""")
			.param("ids", articleIds).query((rs, n) -> {
				result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
				return null;
			}).list();
		return result;
	}

	/** Articles of any status with ids above {@code afterId}, by id. */
	List<ArticleRow> after(long afterId, int limit) {
		return jdbc.sql("SELECT " + ArticleRow.COLUMNS + " FROM article a WHERE a.id > ? ORDER BY a.id LIMIT ?")
			.params(afterId, limit).query(ArticleRow.class).list();
	}

	/** @return the sticky ones among these article ids */
	List<Long> sticky(Collection<Long> articleIds) {
		if (articleIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT id FROM article WHERE sticky = TRUE AND id IN (:ids)").param("ids", articleIds)
			.query(Long.class).list();
	}

}
