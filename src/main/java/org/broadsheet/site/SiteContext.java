package org.broadsheet.site;

import java.util.Locale;

import org.broadsheet.page.StaticPages;
import org.broadsheet.settings.Overrides;
import org.broadsheet.settings.SettingsStore;
import org.broadsheet.taxonomy.Taxonomy;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Builds each reader page's {@link Chrome} and resolves absolute URLs and text direction.
 */
@Component
class SiteContext {

	private final SiteSettings defaults;

	private final SettingsStore stored;

	private final Taxonomy taxonomy;

	private final MessageSource messages;

	private final Assets assets;

	private final StaticPages pages;

	SiteContext(SiteSettings defaults, SettingsStore stored, Taxonomy taxonomy, MessageSource messages, Assets assets,
			StaticPages pages) {
		this.assets = assets;
		this.defaults = defaults;
		this.stored = stored;
		this.pages = pages;
		this.taxonomy = taxonomy;
		this.messages = messages;
	}

	/** The base of absolute URLs made outside a request when no base URL is set. */
	static final String WITHOUT_BASE_URL = "http://localhost:8080";

	/**
	 * @return the settings in force: the start-up properties, overridden by what
	 * administrators saved
	 */
	SiteSettings settings() {
		return defaults.overriddenBy(stored.current());
	}

	/**
	 * @return what administrators saved (logo, social profiles, footer links, …)
	 */
	Overrides saved() {
		return stored.current();
	}

	Chrome chrome() {
		var saved = stored.current();
		var settings = defaults.overriddenBy(saved);
		return new Chrome(settings.name(), settings.tagline(), taxonomy.publicSections(), messages,
				Locale.forLanguageTag(settings.language()), settings.timeZone(), assets, saved.logo(),
				saved.socialProfiles().stream().map(SocialProfile::of).toList(), saved.footerLinks(), pages.footer());
	}

	/**
	 * @param path absolute path, already percent-encoded
	 * @return the absolute URL of {@code path}: on the base URL setting, else on the
	 * current request's, else (outside a request: the scheduler, webhook payloads of a
	 * command) on {@value #WITHOUT_BASE_URL}, as the export command does
	 */
	String absolute(String path) {
		String base = !defaults.baseUrl().isEmpty() ? defaults.baseUrl()
				: RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes
						? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : WITHOUT_BASE_URL;
		return base + path;
	}

	/**
	 * @return {@code rtl} for right-to-left languages (Arabic, Hebrew, Persian, Urdu, …),
	 * else {@code ltr}
	 */
	static String direction(String languageTag) {
		return Chrome.direction(languageTag);
	}

}
