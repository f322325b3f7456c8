package org.broadsheet.interchange.wordpress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.broadsheet.article.Article;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.media.Image;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.page.StaticPage;
import org.broadsheet.page.StaticPages;
import org.broadsheet.shared.FormerAddresses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An imported WordPress site's old addresses ({@code wordpress_address}, V39) and where
 * they answer now: written by the import, read by the reader site on what would be a 404
 * ({@link FormerAddresses}: one primary-key lookup, then the article's or page's current
 * address by id, so a slug changed after the import still costs one redirect), and listed
 * by the {@code wordpress-addresses} migration report.
 */
@Service
public class WordPressAddresses implements FormerAddresses {

	/** Where an old address points. */
	enum Kind {

		/** An article, by id: answers while it is public. */
		ARTICLE,
		/** A static page, by id: answers while it is published. */
		PAGE,
		/** A fixed site-relative address (a listing, a feed, an image). */
		PATH

	}

	/**
	 * An old address as the migration report lists it.
	 *
	 * @param oldUrl as the export gives it, or as WordPress would answer it
	 * @param form which WordPress form it is ({@code link}, {@code post-id},
	 * {@code structure}, {@code old-slug}, {@code page-id}, {@code attachment},
	 * {@code category}, {@code tag}, {@code author}, {@code feed})
	 * @param target where it answers now (site-relative, percent-encoded), empty when its
	 * article or page is not public
	 */
	public record Entry(String address, String oldUrl, String form, Optional<String> target) {
	}

	private final JdbcClient jdbc;

	private final PublishedArticles articles;

	private final StaticPages pages;

	private final MediaLibrary media;

	WordPressAddresses(JdbcClient jdbc, PublishedArticles articles, StaticPages pages, MediaLibrary media) {
		this.jdbc = jdbc;
		this.media = media;
		this.articles = articles;
		this.pages = pages;
	}

	/**
	 * Remembers an old address (the last import to name it wins), inside the import's
	 * transaction.
	 * @param oldUrl absolute or site-relative, percent-encoded
	 * @param targetId the article's or page's id ({@link Kind#PATH}: null)
	 * @param targetPath the address ({@link Kind#PATH} only, else null)
	 * @return whether it was kept (never the site's root, nor a key with a control
	 * character)
	 */
	boolean remember(String origin, String oldUrl, String form, Kind kind, Long targetId, String targetPath) {
		String address = WordPressPermalinks.keyOfUrl(oldUrl);
		// The site's own front page always answers itself: an imported static front page
		// (WordPress exports its link as the site's root) would otherwise take "/?utm_…".
		if (address.equals("/") || !usable(address)) {
			return false;
		}
		jdbc.sql("""
				INSERT INTO wordpress_address (address, origin, old_url, form, target_kind, target_id, target_path)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (address) DO UPDATE SET origin = excluded.origin, old_url = excluded.old_url,
				  form = excluded.form, target_kind = excluded.target_kind, target_id = excluded.target_id,
				  target_path = excluded.target_path""")
			.params(address, origin, oldUrl, form, kind.name().toLowerCase(Locale.ROOT), targetId, targetPath)
			.update();
		return true;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> current(String path, String query) {
		String address = WordPressPermalinks.key(path, query);
		if (!usable(address)) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT target_kind, target_id, target_path FROM wordpress_address WHERE address = ?")
			.param(address)
			.query((rs, n) -> target(rs, 1))
			.optional()
			.flatMap(this::resolve);
	}

	/**
	 * @return whether a key can be an address at all: no control character (a NUL, which
	 * PostgreSQL refuses in text, decoded from {@code %00}) and within the column's 2,000
	 * characters
	 */
	private static boolean usable(String address) {
		return address.length() <= 2000 && address.codePoints().noneMatch(Character::isISOControl);
	}

	/**
	 * @param origin {@code wxr:<base_blog_url>}, or null for every import
	 * @return the old addresses in the order of their keys, each with where it answers
	 */
	@Transactional(readOnly = true)
	public List<Entry> list(String origin) {
		String columns = "SELECT address, old_url, form, target_kind, target_id, target_path FROM wordpress_address ";
		var query = origin == null ? jdbc.sql(columns + "ORDER BY origin, address")
				: jdbc.sql(columns + "WHERE origin = ? ORDER BY address").param(origin);
		return query.query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), target(rs, 4)))
			.list()
			.stream()
			.map(row -> new Entry(row.address(), row.oldUrl(), row.form(), resolve(row.target())))
			.toList();
	}

	/**
	 * @param importKey an attachment's import key
	 * @return the address of its image in the media library, when its file was imported
	 */
	Optional<String> attachmentImage(String importKey) {
		return jdbc.sql("SELECT image_id FROM wordpress_attachment WHERE import_key = ? AND image_id IS NOT NULL")
			.param(importKey)
			.query(Long.class)
			.optional()
			.map(id -> media.byIds(Set.of(id)).get(id))
			.map(Image::url);
	}

	/**
	 * @return the imports that left addresses ({@code wxr:<base_blog_url>}), sorted
	 */
	@Transactional(readOnly = true)
	public List<String> origins() {
		return jdbc.sql("SELECT DISTINCT origin FROM wordpress_address ORDER BY origin").query(String.class).list();
	}

	private Optional<String> resolve(Target target) {
		return switch (target.kind()) {
			case ARTICLE -> articles.publicById(target.id()).map(Article::path);
			case PAGE -> pages.publishedById(target.id()).map(StaticPage::path);
			case PATH -> Optional.ofNullable(target.path());
		};
	}

	/** Reads target_kind, target_id and target_path from column {@code first} on. */
	private static Target target(ResultSet rs, int first) throws SQLException {
		long id = rs.getLong(first + 1);
		return new Target(Kind.valueOf(rs.getString(first).toUpperCase(Locale.ROOT)), rs.wasNull() ? null : id,
				rs.getString(first + 2));
	}

	private record Target(Kind kind, Long id, String path) {
	}

	private record Stored(String address, String oldUrl, String form, Target target) {
	}

}
