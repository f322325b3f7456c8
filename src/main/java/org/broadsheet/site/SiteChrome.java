package org.broadsheet.site;

import org.springframework.stereotype.Component;

/**
 * Gives other modules' pages (the newsroom) the site's {@link Chrome}: its name, texts
 * and dates.
 */
@Component
public class SiteChrome {

	private final SiteContext site;

	SiteChrome(SiteContext site) {
		this.site = site;
	}

	/**
	 * @return the chrome for a page being rendered now
	 */
	public Chrome chrome() {
		return site.chrome();
	}

}
