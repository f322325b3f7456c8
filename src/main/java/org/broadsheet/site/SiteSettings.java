package org.broadsheet.site;

import java.time.ZoneId;

import org.broadsheet.settings.Overrides;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Site settings: {@code broadsheet.site.*} configuration gives the defaults, which the
 * settings administrators save in the newsroom override field by field
 * ({@link #overriddenBy}); {@code SiteContext.settings()} gives the values in force.
 *
 * @param name the site's name, in the masthead, titles and Open Graph
 * @param tagline one line under the name
 * @param baseUrl absolute URL of the site without trailing slash (e.g.
 * https://news.example), used in canonical links; blank to take it from each request
 * @param language BCP 47 tag of the site's language; articles may have their own
 * @param timeZone the newsroom's zone: dates are shown in it (storage is UTC)
 * @param pageSize articles per list page, at least 1
 */
@ConfigurationProperties("broadsheet.site")
public record SiteSettings(@DefaultValue("Broadsheet") String name, @DefaultValue("") String tagline,
		@DefaultValue("") String baseUrl, @DefaultValue("en") String language, @DefaultValue("UTC") ZoneId timeZone,
		@DefaultValue("10") int pageSize) {

	public SiteSettings {
		if (pageSize < 1) {
			throw new IllegalArgumentException("broadsheet.site.page-size must be at least 1");
		}
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * @return these settings with each value {@code saved} holds in place of the
	 * property's (base URL and page size stay the properties')
	 */
	public SiteSettings overriddenBy(Overrides saved) {
		return new SiteSettings(Overrides.or(saved.name(), name), Overrides.or(saved.tagline(), tagline), baseUrl,
				Overrides.or(saved.language(), language), Overrides.or(saved.timeZone(), timeZone), pageSize);
	}

}
