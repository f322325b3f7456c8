package org.broadsheet.interchange.wordpress;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code wordpress_attachment} table: attachments as a WordPress export described
 * them.
 */
@Repository
class WordPressAttachments {

	/**
	 * @param id 0 for one not stored yet
	 * @param articleId the article it belonged to, or null
	 * @param imageId its file in the media library, or null when the file was not found
	 * @param uploadedAt UTC epoch milliseconds, or null
	 */
	record Row(long id, String importKey, Long articleId, Long imageId, String title, String url, String filePath,
			String mimeType, String alt, String caption, String description, Long uploadedAt) {
	}

	private final JdbcClient jdbc;

	WordPressAttachments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What {@link #save} did. */
	enum Saved {

		CREATED, UPDATED, UNCHANGED

	}

	/**
	 * Stores the attachment, or updates the one stored under the same import key if it
	 * differs.
	 */
	Saved save(Row r) {
		var before = jdbc
			.sql("""
					SELECT id, import_key, article_id, image_id, title, url, file_path, mime_type, alt, caption, description,
					  uploaded_at FROM wordpress_attachment WHERE import_key = ?""")
			.param(r.importKey())
			.query(Row.class)
			.optional();
		if (before.isPresent() && before.get()
			.equals(new Row(before.get().id(), r.importKey(), r.articleId(), r.imageId(), r.title(), r.url(),
					r.filePath(), r.mimeType(), r.alt(), r.caption(), r.description(), r.uploadedAt()))) {
			return Saved.UNCHANGED;
		}
		jdbc.sql(
				"""
						INSERT INTO wordpress_attachment (import_key, article_id, image_id, title, url, file_path, mime_type, alt,
						  caption, description, uploaded_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						ON CONFLICT (import_key) DO UPDATE SET article_id = excluded.article_id, image_id = excluded.image_id,
						  title = excluded.title, url = excluded.url, file_path = excluded.file_path,
						  mime_type = excluded.mime_type, alt = excluded.alt, caption = excluded.caption,
						  description = excluded.description, uploaded_at = excluded.uploaded_at""")
			.params(r.importKey(), r.articleId(), r.imageId(), r.title(), r.url(), r.filePath(), r.mimeType(), r.alt(),
					r.caption(), r.description(), r.uploadedAt())
			.update();
		return before.isPresent() ? Saved.UPDATED : Saved.CREATED;
	}

	/**
	 * @return the attachments of these articles, by article id, each list by attachment
	 * id (one query)
	 */
	Map<Long, List<Row>> ofArticles(Collection<Long> articleIds) {
		Map<Long, List<Row>> byArticle = new HashMap<>();
		if (!articleIds.isEmpty()) {
			jdbc.sql(
					"""
							SELECT id, import_key, article_id, image_id, title, url, file_path, mime_type, alt, caption, description,
							  uploaded_at FROM wordpress_attachment WHERE article_id IN (:ids) ORDER BY id""")
				.param("ids", articleIds)
				.query(Row.class)
				.list()
				.forEach(r -> byArticle.computeIfAbsent(r.articleId(), k -> new ArrayList<>()).add(r));
		}
		return byArticle;
	}

}
