package org.broadsheet.newsroom;

import java.util.List;

import org.broadsheet.article.Translation;
import org.broadsheet.site.LanguageVersions;

/**
 * The editor's translations section: the article's linked translations, and the articles
 * it may be linked with.
 *
 * @param linked its translations in any status, by language
 * @param candidates the most recently changed articles outside its group
 */
public record TranslationsPanel(long articleId, List<Translation> linked, List<Translation> candidates) {

	/** How many articles the editor offers to link. */
	static final int CANDIDATES = 200;

	/**
	 * @return the language's name in itself (e.g. "Français"), or null for an article
	 * without a language of its own (the site's)
	 */
	public String languageName(Translation translation) {
		return translation.language() == null ? null : LanguageVersions.name(translation.language());
	}

}
