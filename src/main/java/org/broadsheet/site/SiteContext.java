package org.broadsheet.site;

import java.util.Locale;

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

	/** The base of absolute URLs made outside a request when no base URL is set. */
	static final String WITHOUT_BASE_URL = "http://localhost:8080";

	SiteSettings settings() {
		return settings;
	}

	Chrome chrome() {
		return new Chrome(settings.name(), settings.tagline(), taxonomy.publicSections(), messages,
				Locale.forLanguageTag(settings.language()), settings.timeZone(), assets);
	}

	/**
	 * @param path absolute path, already percent-encoded
	 * @return the absolute URL of {@code path}: on the base URL setting, else on the
	 * current request's, else (outside a request: the scheduler, webhook payloads of a
	 * command) on {@value #WITHOUT_BASE_URL}, as the export command does
	 */
	String absolute(String path) {
		String base = !settings.baseUrl().isEmpty() ? settings.baseUrl()
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
