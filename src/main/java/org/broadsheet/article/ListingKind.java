package org.broadsheet.article;

/** Kinds of listing page: a section's, a tag's, an author's. */
public enum ListingKind {

	SECTION, TAG, AUTHOR

}
