package org.broadsheet.article;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an article stands in the editorial workflow: draft → in review → scheduled →
 * published → unpublished. Only {@link #PUBLISHED} articles whose publication instant has
 * come are public.
 */
public enum ArticleStatus {

	DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, UNPUBLISHED;

	/**
	 * @return the value stored in the database, e.g. {@code in_review}
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @param name a status as a person or a client types it, any case, e.g.
	 * {@code in_review}; may be null
	 * @return the status, or empty for a blank or unknown name
	 */
	public static Optional<ArticleStatus> named(String name) {
		if (name == null || name.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * @return the status stored as {@code code}
	 */
	static ArticleStatus ofCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

	/**
	 * @return whether readers see the article (once its publication instant has come)
	 */
	public boolean live() {
		return this == PUBLISHED;
	}

	/**
	 * @return whether the article row holds an approved revision (published, or scheduled
	 * to go live) that a save must not change: a newer revision waits for "Publish
	 * changes" or a new schedule
	 */
	public boolean pinned() {
		return this == PUBLISHED || this == SCHEDULED;
	}

}
