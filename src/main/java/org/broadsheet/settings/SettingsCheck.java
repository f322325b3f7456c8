package org.broadsheet.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

import org.broadsheet.media.Image;
import org.broadsheet.shared.InvalidInput;

/**
 * The rules of the settings form, in one place: each problem is an {@link InvalidInput}
 * naming the form's field ({@code name}, {@code timeZone}, {@code socialProfiles},
 * {@code footerUrl[2]}, …) with a {@code siteSettings.invalid.*} message.
 */
final class SettingsCheck {

	static final int MAX_NAME = 200;

	static final int MAX_TAGLINE = 300;

	static final int MAX_URL = 500;

	static final int MAX_DAYS = 36_500;

	static final int MAX_LINKS = 1000;

	static final int MAX_ROWS = 20;

	static final int MAX_WORDS = 500;

	private SettingsCheck() {
	}

	/**
	 * @param images finds a media library image by id, null when there is none
	 * @return the values to store, blank ones as null
	 * @throws InvalidInput for the first field that breaks a rule
	 */
	static Overrides check(SettingsForm form, LongFunction<Image> images, Instant now) {
		String name = line("name", form.name(), MAX_NAME);
		String tagline = line("tagline", form.tagline(), MAX_TAGLINE);
		Image logo = logo(form.logo(), images);
		String language = language(form.language());
		ZoneId zone = zone(form.timeZone());
		Boolean holdFirst = yesNo("holdFirst", form.holdFirst());
		Integer closeAfterDays = number("closeAfterDays", form.closeAfterDays(), MAX_DAYS);
		Integer maxLinks = number("maxLinks", form.maxLinks(), MAX_LINKS);
		List<String> blocklist = blocklist(form.blocklist());
		List<String> profiles = new ArrayList<>();
		List<String> lines = lines(form.socialProfiles());
		if (lines.size() > MAX_ROWS) {
			throw new InvalidInput("socialProfiles", "siteSettings.invalid.too-many", MAX_ROWS, lines.size());
		}
		for (String url : lines) {
			profiles.add(webUrl("socialProfiles", url, false));
		}
		return new Overrides(name, tagline, logo, language, zone, holdFirst, closeAfterDays, maxLinks, blocklist,
				profiles, footerLinks(form), now);
	}

	private static String line(String field, String value, int max) {
		String v = blankToNull(value);
		if (v == null) {
			return null;
		}
		if (v.codePointCount(0, v.length()) > max) {
			throw new InvalidInput(field, "siteSettings.invalid.too-long", max);
		}
		if (v.chars().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE)) {
			throw new InvalidInput(field, "siteSettings.invalid.control");
		}
		return v;
	}

	private static Image logo(String value, LongFunction<Image> images) {
		String v = blankToNull(value);
		if (v == null) {
			return null;
		}
		Image image = null;
		try {
			image = images.apply(Long.parseLong(v));
		}
		catch (NumberFormatException ex) {
			// no such image
		}
		if (image == null) {
			throw new InvalidInput("logo", "media.invalid.no-image", v);
		}
		return image;
	}

	private static String language(String value) {
		String v = line("language", value, 35);
		if (v == null) {
			return null;
		}
		try {
			var locale = new Locale.Builder().setLanguageTag(v).build();
			if (locale.getLanguage().isEmpty()) {
				throw new IllformedLocaleException(v);
			}
			return locale.toLanguageTag();
		}
		catch (IllformedLocaleException ex) {
			throw new InvalidInput("language", "article.invalid.language");
		}
	}

	private static ZoneId zone(String value) {
		String v = line("timeZone", value, 60);
		if (v == null) {
			return null;
		}
		try {
			return ZoneId.of(v);
		}
		catch (DateTimeException ex) {
			throw new InvalidInput("timeZone", "siteSettings.invalid.time-zone", v);
		}
	}

	private static Boolean yesNo(String field, String value) {
		String v = blankToNull(value);
		if (v == null) {
			return null;
		}
		return switch (v) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> throw new InvalidInput(field, "siteSettings.invalid.yes-no");
		};
	}

	private static Integer number(String field, String value, int max) {
		String v = blankToNull(value);
		if (v == null) {
			return null;
		}
		try {
			int n = Integer.parseInt(v);
			if (n >= 0 && n <= max) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new InvalidInput(field, "siteSettings.invalid.number", max);
	}

	private static List<String> blocklist(String value) {
		List<String> words = lines(value).stream().map(w -> w.toLowerCase(Locale.ROOT)).distinct().toList();
		if (words.size() > MAX_WORDS) {
			throw new InvalidInput("blocklist", "siteSettings.invalid.too-many", MAX_WORDS, words.size());
		}
		for (String word : words) {
			line("blocklist", word, MAX_NAME);
		}
		return words.isEmpty() ? null : words;
	}

	private static List<FooterLink> footerLinks(SettingsForm form) {
		List<FooterLink> links = new ArrayList<>();
		int rows = Math.max(form.footerLabel().size(), form.footerUrl().size());
		for (int i = 0; i < rows; i++) {
			String label = line("footerLabel[" + i + "]", at(form.footerLabel(), i), FooterLink.MAX_LABEL);
			String url = blankToNull(at(form.footerUrl(), i));
			if (label == null && url == null) {
				continue;
			}
			if (label == null) {
				throw new InvalidInput("footerLabel[" + i + "]", "siteSettings.invalid.required");
			}
			if (url == null) {
				throw new InvalidInput("footerUrl[" + i + "]", "siteSettings.invalid.required");
			}
			links.add(new FooterLink(label, webUrl("footerUrl[" + i + "]", url, true)));
		}
		if (links.size() > MAX_ROWS) {
			throw new InvalidInput("footerLabel[0]", "siteSettings.invalid.too-many", MAX_ROWS, links.size());
		}
		return links;
	}

	/**
	 * @param path whether a path on this site ({@code /about}) is allowed
	 * @return the URL, when absolute http(s) with a host (or such a path)
	 */
	private static String webUrl(String field, String url, boolean path) {
		if (url.length() > MAX_URL) {
			throw new InvalidInput(field, "siteSettings.invalid.too-long", MAX_URL);
		}
		try {
			var uri = new URI(url);
			boolean web = uri.getScheme() != null
					&& ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null;
			boolean local = path && uri.getScheme() == null && uri.getRawAuthority() == null && url.startsWith("/")
					&& !url.startsWith("//");
			if (web || local) {
				return url;
			}
		}
		catch (URISyntaxException ex) {
			// refused below
		}
		throw new InvalidInput(field, path ? "siteSettings.invalid.link" : "siteSettings.invalid.url", url);
	}

	private static String at(List<String> values, int i) {
		return i < values.size() ? values.get(i) : null;
	}

	private static List<String> lines(String text) {
		if (text == null) {
			return List.of();
		}
		return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
