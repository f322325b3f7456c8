package org.broadsheet.site;

import org.springframework.stereotype.Component;

/**
 * The site's name, tagline, language and absolute URLs, for other modules (feeds,
 * sitemaps).
 */
@Component
public class SiteLinks {

	private final SiteContext site;

	SiteLinks(SiteContext site) {
		this.site = site;
	}

	/**
	 * @param path absolute path, percent-encoded
	 * @return the absolute URL (base URL setting, else the request's)
	 */
	public String absolute(String path) {
		return site.absolute(path);
	}

	/**
	 * @return the site's name ({@code broadsheet.site.name})
	 */
	public String siteName() {
		return site.settings().name();
	}

	/**
	 * @return the site's tagline, possibly empty
	 */
	public String tagline() {
		return site.settings().tagline();
	}

	/**
	 * @return the BCP 47 tag of the site's language
	 */
	public String language() {
		return site.settings().language();
	}

	/**
	 * @param languageTag a BCP 47 tag, or null for the site's language
	 * @return {@code rtl} for a right-to-left language, else {@code ltr}
	 */
	public String direction(String languageTag) {
		return SiteContext.direction(languageTag == null ? language() : languageTag);
	}

}
