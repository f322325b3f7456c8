package org.broadsheet.site;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Site settings, from {@code broadsheet.site.*} configuration.
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

}
