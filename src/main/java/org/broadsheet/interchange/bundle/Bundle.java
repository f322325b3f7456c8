package org.broadsheet.interchange.bundle;

import java.nio.file.Path;

import org.broadsheet.article.ArticleDraft;

/**
 * A parsed bundle: the article as written, and its lead image file if any.
 *
 * @param draft with no lead image id yet
 * @param image the lead image to store first, or null
 */
record Bundle(Path file, ArticleDraft draft, ImageRef image) {

	/**
	 * @param file resolved against the bundle's folder
	 * @param line the line of {@code image.file}, for error messages
	 */
	record ImageRef(Path file, int line, String alt, String caption, String credit) {
	}

}
