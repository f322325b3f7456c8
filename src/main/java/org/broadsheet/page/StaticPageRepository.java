package org.broadsheet.page;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code page} and {@code page_redirect} tables. */
@Repository
class StaticPageRepository {

	private static final String COLUMNS = "id, slug, title, description, body_markdown, body_html, language, status, "
			+ "in_footer, footer_order, updated_at";

	private final JdbcClient jdbc;

	StaticPageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static StaticPage row(ResultSet rs, int n) throws SQLException {
		return new StaticPage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), PageStatus.ofCode(rs.getString(8)), rs.getBoolean(9), rs.getInt(10),
				Instant.ofEpochMilli(rs.getLong(11)));
	}

	Optional<StaticPage> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM page WHERE id = ?")
			.param(id)
			.query(StaticPageRepository::row)
			.optional();
	}

	Optional<StaticPage> bySlug(String slug) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM page WHERE slug = ?")
			.param(slug)
			.query(StaticPageRepository::row)
			.optional();
	}

	Optional<Long> byImportKey(String key) {
		return jdbc.sql("SELECT id FROM page WHERE import_key = ?").param(key).query(Long.class).optional();
	}

	/** Every page, footer ones first in footer order, then by title. */
	List<StaticPage> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM page ORDER BY in_footer DESC, footer_order, title, id")
			.query(StaticPageRepository::row)
			.list();
	}

	/** Published pages shown in the footer, in order (the {@code page_footer} index). */
	List<PageLink> footer() {
		return jdbc
			.sql("SELECT id, title, slug, language FROM page WHERE status = 'published' AND in_footer = ? "
					+ "ORDER BY footer_order, title, id")
			.param(true)
			.query((rs, n) -> new PageLink(rs.getLong(1), rs.getString(2),
					org.broadsheet.shared.Permalinks.page(rs.getString(3)), rs.getString(4)))
			.list();
	}

	/** Published pages, by slug. */
	List<StaticPage> published() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM page WHERE status = 'published' ORDER BY slug")
			.query(StaticPageRepository::row)
			.list();
	}

	long insert(StaticPage page, String importKey) {
		return jdbc.sql("""
				INSERT INTO page (slug, title, description, body_markdown, body_html, language, status, in_footer,
				footer_order, import_key, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(page.slug(), page.title(), page.description(), page.bodyMarkdown(), page.bodyHtml(),
					page.language(), page.status().code(), page.inFooter(), page.footerOrder(), importKey,
					page.updatedAt().toEpochMilli())
			.query(Long.class)
			.single();
	}

	void update(StaticPage page) {
		jdbc.sql("""
				UPDATE page SET slug = ?, title = ?, description = ?, body_markdown = ?, body_html = ?, language = ?,
				status = ?, in_footer = ?, footer_order = ?, updated_at = ? WHERE id = ?""")
			.params(page.slug(), page.title(), page.description(), page.bodyMarkdown(), page.bodyHtml(),
					page.language(), page.status().code(), page.inFooter(), page.footerOrder(),
					page.updatedAt().toEpochMilli(), page.id())
			.update();
	}

	void delete(long id) {
		jdbc.sql("DELETE FROM page_redirect WHERE page_id = ?").param(id).update();
		jdbc.sql("DELETE FROM page WHERE id = ?").param(id).update();
	}

	/**
	 * Points {@code oldSlug} at the page; a slug the page takes back stops redirecting.
	 */
	void redirect(String oldSlug, long pageId) {
		jdbc.sql("INSERT INTO page_redirect (slug, page_id) VALUES (?, ?) ON CONFLICT (slug) DO UPDATE "
				+ "SET page_id = excluded.page_id")
			.params(oldSlug, pageId)
			.update();
	}

	void dropRedirect(String slug) {
		jdbc.sql("DELETE FROM page_redirect WHERE slug = ?").param(slug).update();
	}

	/** The page a former slug points at. */
	Optional<Long> redirectOf(String slug) {
		return jdbc.sql("SELECT page_id FROM page_redirect WHERE slug = ?").param(slug).query(Long.class).optional();
	}

}
