package org.broadsheet.article;

import java.util.List;

import org.broadsheet.media.Image;
import org.broadsheet.media.ImageReference;
import org.broadsheet.media.ImageReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The articles that show a media library image: as their lead image, or in their body (a
 * link to the original or a variant names the image's content hash), in what readers see
 * or in the newest revision waiting to be published. Reads every article's body, so it
 * serves the newsroom's image page and deletions, never a reader's request.
 */
@Component
class ArticleImageReferences implements ImageReferences {

	private final JdbcClient jdbc;

	ArticleImageReferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<ImageReference> of(Image image) {
		String key = image.storageKey();
		String hash = "%" + key.substring(key.indexOf('/') + 1, key.lastIndexOf('.')) + "%";
		// A revision is the JSON of an ArticleDraft: its lead image is "imageId":N.
		String leadInRevision = "%\"imageId\":" + image.id() + "[,}]%";
		return jdbc.sql("""
				SELECT id, title FROM article WHERE lead_image_id = :id OR body_markdown LIKE :hash
				UNION
				SELECT a.id, a.title FROM article a JOIN article_revision r ON r.id = a.latest_revision_id
				WHERE r.snapshot LIKE :hash OR r.snapshot LIKE :lead1 OR r.snapshot LIKE :lead2
				ORDER BY id DESC""")
			.param("id", image.id())
			.param("hash", hash)
			.param("lead1", leadInRevision.replace("[,}]", ","))
			.param("lead2", leadInRevision.replace("[,}]", "}"))
			.query((rs, n) -> new ImageReference("article", rs.getString("title"),
					"/newsroom/articles/" + rs.getLong("id")))
			.list();
	}

}
