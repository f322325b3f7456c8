package org.broadsheet.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
 * SQL for writing articles and their authors, tags and redirects, and for the newsroom's
 * reading; the reader's side is {@link PublishedArticleRepository}. Instants are epoch
 * milliseconds.
 */
@Repository
class ArticleRepository {

	private final JdbcClient jdbc;

	ArticleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ArticleRow> find(long sectionId, String slug) {
		return jdbc.sql("SELECT " + ArticleRow.COLUMNS + " FROM article a WHERE a.section_id = ? AND a.slug = ?")
			.params(sectionId, slug)
			.query(ArticleRow.class)
			.optional();
	}

	Optional<ArticleRow> find(long id) {
		return jdbc.sql("SELECT " + ArticleRow.COLUMNS + " FROM article a WHERE a.id = ?")
			.param(id)
			.query(ArticleRow.class)
			.optional();
	}

	void setCreatedBy(long id, long accountId) {
		jdbc.sql("UPDATE article SET created_by = ? WHERE id = ?").params(accountId, id).update();
	}

	/**
	 * @return where the article stands, with its row locked for the rest of the
	 * transaction: a no-op UPDATE takes PostgreSQL's row lock (SQLite's IMMEDIATE
	 * transactions hold the database lock already), so the scheduler and an editor never
	 * act on the same stale state
	 */
	Optional<ArticleState> lockedState(long id) {
		lock(id);
		return state(id);
	}

	/**
	 * @return the article, with its row locked for the rest of the transaction (as
	 * {@link #lockedState})
	 */
	Optional<ArticleRow> findLocked(long id) {
		lock(id);
		return find(id);
	}

	private void lock(long id) {
		jdbc.sql("UPDATE article SET status = status WHERE id = ?").param(id).update();
	}

	/**
	 * @return where the article stands in the workflow; empty for an article in the
	 * trash, which nothing changes until it is restored
	 */
	Optional<ArticleState> state(long id) {
		return jdbc.sql("""
				SELECT status, created_by, live_revision_id, latest_revision_id, scheduled_revision_id, go_live_at,
				  unpublish_at FROM article WHERE id = ? AND trashed_at IS NULL""")
			.param(id)
			.query((rs, n) -> new ArticleState(ArticleStatus.ofCode(rs.getString(1)), nullable(rs, 2), nullable(rs, 3),
					nullable(rs, 4), nullable(rs, 5), ArticleRow.instant(nullable(rs, 6)),
					ArticleRow.instant(nullable(rs, 7))))
			.optional();
	}

	void setStatus(long id, ArticleStatus status) {
		jdbc.sql("UPDATE article SET status = ? WHERE id = ?").params(status.code(), id).update();
	}

	/** Makes a revision the one the editor shows. */
	void setLatestRevision(long id, long revisionId) {
		jdbc.sql("UPDATE article SET latest_revision_id = ? WHERE id = ?").params(revisionId, id).update();
	}

	/** Records which revision the row holds. */
	void setLiveRevision(long id, long revisionId) {
		jdbc.sql("UPDATE article SET live_revision_id = ? WHERE id = ?").params(revisionId, id).update();
	}

	/** Pins the revision approved to go live at {@code goLiveAt}; nulls for none. */
	void setSchedule(long id, Long revisionId, Instant goLiveAt) {
		jdbc.sql("UPDATE article SET scheduled_revision_id = ?, go_live_at = ? WHERE id = ?")
			.params(revisionId, goLiveAt == null ? null : goLiveAt.toEpochMilli(), id)
			.update();
	}

	/**
	 * @param at when the article leaves the site by itself (UTC), or null for never
	 */
	void setUnpublishAt(long id, Instant at) {
		jdbc.sql("UPDATE article SET unpublish_at = ? WHERE id = ?")
			.params(at == null ? null : at.toEpochMilli(), id)
			.update();
	}

	/**
	 * Takes the article off the site now, dropping whatever was scheduled.
	 * @param neverPublic the article was only scheduled: its instant was never a
	 * publication instant
	 */
	void takeOff(long id, boolean neverPublic) {
		jdbc.sql("""
				UPDATE article SET status = 'unpublished', published_at = CASE WHEN ? THEN NULL ELSE published_at END,
				  go_live_at = NULL, scheduled_revision_id = NULL, unpublish_at = NULL WHERE id = ?""")
			.params(neverPublic, id)
			.update();
	}

	/**
	 * @return whether an article is due to go live, take changes live or leave at
	 * {@code now} (indexed)
	 */
	boolean anyDue(long now) {
		return oldestDue(now) != null;
	}

	/**
	 * Publishes the scheduled articles due at {@code now}. One conditional UPDATE: with
	 * several nodes polling, each article is claimed by exactly one.
	 * @return their ids
	 */
	List<Long> claimDuePublications(long now) {
		return jdbc.sql("""
				UPDATE article SET status = 'published', go_live_at = NULL, scheduled_revision_id = NULL
				WHERE status = 'scheduled' AND go_live_at <= ? RETURNING id""").param(now).query(Long.class).list();
	}

	/**
	 * @return the instant (epoch milliseconds) of the oldest work due at {@code now} (a
	 * publication, scheduled changes, an unpublishing), or null when nothing is due:
	 * three index seeks on {@code (status, go_live_at)} and
	 * {@code (status, unpublish_at)}
	 */
	Long oldestDue(long now) {
		return jdbc
			.sql("""
					SELECT MIN(at) FROM (SELECT MIN(go_live_at) AS at FROM article WHERE status = 'scheduled' AND go_live_at <= ?
					UNION ALL SELECT MIN(go_live_at) FROM article WHERE status = 'published' AND go_live_at <= ?
					 AND scheduled_revision_id IS NOT NULL
					UNION ALL SELECT MIN(unpublish_at) FROM article WHERE status = 'published' AND unpublish_at <= ?) due""")
			.params(now, now, now)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/** A published article's approved revision, due to go live. */
	record DueChange(long articleId, long revisionId) {
	}

	/**
	 * @return the scheduled changes of published articles due at {@code now} (indexed)
	 */
	List<DueChange> dueChanges(long now) {
		return jdbc.sql("""
				SELECT id, scheduled_revision_id FROM article WHERE status = 'published' AND go_live_at <= ?
				  AND scheduled_revision_id IS NOT NULL ORDER BY go_live_at, id""")
			.param(now)
			.query((rs, n) -> new DueChange(rs.getLong(1), rs.getLong(2)))
			.list();
	}

	/**
	 * Claims a due change by clearing its schedule: with several nodes polling, exactly
	 * one claims it.
	 * @return whether this call claimed it
	 */
	boolean claimDueChange(DueChange change, long now) {
		return jdbc.sql("""
				UPDATE article SET go_live_at = NULL, scheduled_revision_id = NULL
				WHERE id = ? AND status = 'published' AND scheduled_revision_id = ? AND go_live_at <= ?""")
			.params(change.articleId(), change.revisionId(), now)
			.update() == 1;
	}

	/**
	 * Unpublishes the published articles due to leave at {@code now}, exactly
	 * once; @return their ids
	 */
	List<Long> claimDueUnpublications(long now) {
		return jdbc.sql("""
				UPDATE article SET status = 'unpublished', unpublish_at = NULL, go_live_at = NULL,
				  scheduled_revision_id = NULL WHERE status = 'published' AND unpublish_at <= ? RETURNING id""")
			.param(now)
			.query(Long.class)
			.list();
	}

	private static Long nullable(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	/**
	 * @param publishedAt epoch milliseconds, or null for none
	 */
	long insert(long sectionId, String slug, ArticleDraft d, String bodyHtml, Long publishedAt, long updatedAt) {
		return jdbc.sql("""
				INSERT INTO article (section_id, slug, title, summary, body_markdown, body_html, language,
				  lead_image_id, status, published_at, updated_at, syndication_publication, syndication_note,
				  syndication_url, lead_image_alt, lead_image_caption, lead_image_credit)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(sectionId, slug, d.title(), d.summary(), d.bodyMarkdown(), bodyHtml, d.language(), imageId(d),
					d.status().code(), publishedAt, updatedAt, syndication(d).publication(), syndication(d).note(),
					syndication(d).url(), image(d).alt(), image(d).caption(), image(d).credit())
			.query(Long.class)
			.single();
	}

	/**
	 * Replaces the row; an article in the trash (which only an import or a bundle finds
	 * by its address) comes out of it, as what was stored.
	 * @param publishedAt epoch milliseconds, or null for none
	 */
	void update(long id, long sectionId, String slug, ArticleDraft d, String bodyHtml, Long publishedAt,
			long updatedAt) {
		jdbc.sql("""
				UPDATE article SET section_id = ?, slug = ?, title = ?, summary = ?, body_markdown = ?,
				  body_html = ?, language = ?, lead_image_id = ?, status = ?, published_at = ?, updated_at = ?,
				  syndication_publication = ?, syndication_note = ?, syndication_url = ?, lead_image_alt = ?,
				  lead_image_caption = ?, lead_image_credit = ?, trashed_at = NULL
				WHERE id = ?""")
			.params(sectionId, slug, d.title(), d.summary(), d.bodyMarkdown(), bodyHtml, d.language(), imageId(d),
					d.status().code(), publishedAt, updatedAt, syndication(d).publication(), syndication(d).note(),
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
				.params(articleId, authorIds.get(i), i)
				.update();
		}
	}

	void replaceTags(long articleId, List<Long> tagIds) {
		jdbc.sql("DELETE FROM article_tag WHERE article_id = ?").param(articleId).update();
		for (int i = 0; i < tagIds.size(); i++) {
			jdbc.sql("INSERT INTO article_tag (article_id, tag_id, position) VALUES (?, ?, ?)")
				.params(articleId, tagIds.get(i), i)
				.update();
		}
	}

	/** Remembers an old address; an address that is live again stops redirecting. */
	void redirect(String oldSectionSlug, String oldSlug, long articleId, String newSectionSlug, String newSlug) {
		jdbc.sql("""
				INSERT INTO article_redirect (section_slug, slug, article_id) VALUES (?, ?, ?)
				ON CONFLICT (section_slug, slug) DO UPDATE SET article_id = excluded.article_id""")
			.params(oldSectionSlug, oldSlug, articleId)
			.update();
		jdbc.sql("DELETE FROM article_redirect WHERE section_slug = ? AND slug = ?")
			.params(newSectionSlug, newSlug)
			.update();
	}

	/**
	 * @return author ids per article id, in byline order (one query)
	 */
	Map<Long, List<Long>> authorIds(Collection<Long> articleIds) {
		return idsPerArticle("SELECT article_id, author_id FROM article_author WHERE article_id IN (:ids) "
				+ "ORDER BY article_id, position", articleIds);
	}

	/**
	 * @return tag ids per article id, in the writer's order (one query)
	 */
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

	/**
	 * Articles of any status matching {@code where} (SQL over alias {@code a}), last
	 * changed first.
	 */
	List<ArticleRow> list(String where, Map<String, ?> params, int limit, long offset) {
		return jdbc
			.sql("SELECT " + ArticleRow.TEASER_COLUMNS + " FROM article a WHERE " + where
					+ " ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", limit)
			.param("offset", offset)
			.query(ArticleRow.class)
			.list();
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
		jdbc.sql("SELECT id, title FROM article WHERE id IN (:ids)").param("ids", ids).query(rs -> {
			titles.put(rs.getLong(1), rs.getString(2));
		});
		return titles;
	}

	/**
	 * The article imported under {@code importKey}: its id, whether it is sticky, when it
	 * goes live.
	 */
	record Imported(long id, boolean sticky, Long goLiveAt) {
	}

	Optional<Imported> findImported(String importKey) {
		return jdbc.sql("SELECT id, sticky, go_live_at FROM article WHERE import_key = ?")
			.param(importKey)
			.query((rs, n) -> {
				long goLive = rs.getLong(3);
				Long goLiveAt = rs.wasNull() ? null : goLive;
				return new Imported(rs.getLong(1), rs.getBoolean(2), goLiveAt);
			})
			.optional();
	}

	void setImported(long id, String importKey, boolean sticky) {
		jdbc.sql("UPDATE article SET import_key = ?, sticky = ? WHERE id = ?").params(importKey, sticky, id).update();
	}

	/**
	 * Remembers a former slug in the article's section, unless that address is already
	 * remembered.
	 */
	boolean keepOldSlug(String sectionSlug, String slug, long articleId) {
		return jdbc.sql("""
				INSERT INTO article_redirect (section_slug, slug, article_id) VALUES (?, ?, ?)
				ON CONFLICT (section_slug, slug) DO NOTHING""").params(sectionSlug, slug, articleId).update() == 1;
	}

	/**
	 * @return the former slugs of these articles in the section each is in now, per
	 * article id
	 */
	Map<Long, List<String>> oldSlugs(Collection<Long> articleIds) {
		Map<Long, List<String>> result = new LinkedHashMap<>();
		if (articleIds.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				SELECT r.article_id, r.slug FROM article_redirect r JOIN article a ON a.id = r.article_id
				JOIN section s ON s.id = a.section_id
				WHERE r.article_id IN (:ids) AND r.section_slug = s.slug ORDER BY r.article_id, r.slug""")
			.param("ids", articleIds)
			.query((rs, n) -> {
				result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
				return null;
			})
			.list();
		return result;
	}

	/** Articles of any status with ids above {@code afterId}, by id. */
	List<ArticleRow> after(long afterId, int limit) {
		return jdbc.sql("SELECT " + ArticleRow.COLUMNS + " FROM article a WHERE a.id > ? ORDER BY a.id LIMIT ?")
			.params(afterId, limit)
			.query(ArticleRow.class)
			.list();
	}

	/**
	 * @return the sticky ones among these article ids
	 */
	List<Long> sticky(Collection<Long> articleIds) {
		if (articleIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT id FROM article WHERE sticky = TRUE AND id IN (:ids)")
			.param("ids", articleIds)
			.query(Long.class)
			.list();
	}

}
