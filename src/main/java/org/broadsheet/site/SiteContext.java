package org.broadsheet.site;

import java.util.Locale;

import com.ibm.icu.util.ULocale;

import org.broadsheet.taxonomy.Taxonomy;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Builds each reader page's {@link Chrome} and resolves absolute URLs and text direction.
 */
@Component
class SiteContext {

	private final SiteSettings settings;

	private final Taxonomy taxonomy;

	private final MessageSource messages;

	private final Assets assets;

	SiteContext(SiteSettings settings, Taxonomy taxonomy, MessageSource messages, Assets assets) {
		this.assets = assets;
		this.settings = settings;
		this.taxonomy = taxonomy;
		this.messages = messages;
	}

	SiteSettings settings() {
		return settings;
	}

	Chrome chrome() {
		return new Chrome(settings.name(), settings.tagline(), taxonomy.publicSections(), messages,
				Locale.forLanguageTag(settings.language()), settings.timeZone(), assets);
	}

	/**
	 * @param path absolute path, already percent-encoded @return the absolute URL of
	 * {@code path}
	 */
	String absolute(String path) {
		String base = settings.baseUrl().isEmpty()
				? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : settings.baseUrl();
		return base + path;
	}

	/**
	 * @return {@code rtl} for right-to-left languages (Arabic, Hebrew, Persian, Urdu, …),
	 * else {@code ltr}
	 */
	static String direction(String languageTag) {
		return ULocale.forLanguageTag(languageTag).isRightToLeft() ? "rtl" : "ltr";
	}

}
