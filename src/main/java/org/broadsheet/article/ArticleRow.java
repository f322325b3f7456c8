package org.broadsheet.article;

import java.time.Instant;

/**
 * A row of the article table, before its authors, section, tags and image are attached.
 */
record ArticleRow(long id, long sectionId, String slug, String title, String summary, String bodyHtml, String language,
		Long leadImageId, String status, Long publishedAt, long updatedAt, String syndicationPublication,
		String syndicationNote, String syndicationUrl, String leadImageAlt, String leadImageCaption,
		String leadImageCredit) {

	static final String COLUMNS = "a.id, a.section_id, a.slug, a.title, a.summary, a.body_html, a.language, "
			+ "a.lead_image_id, a.status, a.published_at, a.updated_at, a.syndication_publication, "
			+ "a.syndication_note, a.syndication_url, a.lead_image_alt, a.lead_image_caption, a.lead_image_credit";

	static final String TEASER_COLUMNS = "a.id, a.section_id, a.slug, a.title, a.summary, NULL AS body_html, "
			+ "a.language, a.lead_image_id, a.status, a.published_at, a.updated_at, "
			+ "NULL AS syndication_publication, NULL AS syndication_note, NULL AS syndication_url, a.lead_image_alt, "
			+ "a.lead_image_caption, a.lead_image_credit";

	Syndication syndication() {
		if (syndicationPublication == null && syndicationNote == null && syndicationUrl == null) {
			return null;
		}
		return new Syndication(syndicationPublication, syndicationNote, syndicationUrl);
	}

	/**
	 * @return the instant of a nullable epoch-milliseconds column (UTC), or null
	 */
	static Instant instant(Long epochMillis) {
		return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
	}

}
