package org.broadsheet.article;

/** Where an article stands. Only {@link #PUBLISHED} articles whose instant has come are public. */
public enum ArticleStatus {

	DRAFT, PUBLISHED;

	/** @return the value stored in the database */
	String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
