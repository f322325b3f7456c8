package org.broadsheet.article;

import java.util.Locale;

/**
 * Where an article stands in the editorial workflow: draft → in review → scheduled → published →
 * unpublished. Only {@link #PUBLISHED} articles whose publication instant has come are public.
 */
public enum ArticleStatus {

	DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, UNPUBLISHED;

	/** @return the value stored in the database, e.g. {@code in_review} */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** @return the status stored as {@code code} */
	static ArticleStatus ofCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

	/**
	 * @return whether readers see the article row, so that a newer revision waits for "Publish
	 *         changes" (a scheduled article's row changes with every save, and goes live as it is)
	 */
	public boolean live() {
		return this == PUBLISHED;
	}

}
