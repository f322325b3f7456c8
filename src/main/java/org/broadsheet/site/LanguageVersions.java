package org.broadsheet.site;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.util.ULocale;

import org.broadsheet.article.Translation;

/**
 * The language versions of an article page: its {@code <link rel="alternate" hreflang>}
 * elements and its language switcher. Empty when the article has no public translation.
 *
 * @param versions one per language, this page's among them, by language tag
 * @param xDefault the absolute URL of the version in the site's language, or null when
 * there is none
 */
public record LanguageVersions(List<Version> versions, String xDefault) {

	/** No translations: no alternates, no switcher. */
	public static final LanguageVersions NONE = new LanguageVersions(List.of(), null);

	/**
	 * One language version.
	 *
	 * @param hreflang its BCP 47 tag
	 * @param href its absolute URL
	 * @param name the language's name in that language, e.g. "Français", "العربية"
	 * @param dir {@code ltr} or {@code rtl}, for the name
	 * @param current this page is this version
	 */
	public record Version(String hreflang, String href, String name, String dir, boolean current) {
	}

	/**
	 * @return whether the page has translations to show
	 */
	public boolean any() {
		return !versions.isEmpty();
	}

	/**
	 * @param group the public articles of the page's translation group (the page's own
	 * article may be missing, as in a preview)
	 * @param currentId the page's article
	 * @param currentLanguage its language (BCP 47; the site's when it has none)
	 * @param currentUrl its absolute URL
	 * @param siteLanguage the site's language, for articles without one and x-default
	 * @param absolute makes an absolute URL of a path
	 * @return the versions, one per language (the page's own wins a language it shares)
	 */
	static LanguageVersions of(List<Translation> group, long currentId, String currentLanguage, String currentUrl,
			String siteLanguage, UnaryOperator<String> absolute) {
		List<Version> versions = new ArrayList<>();
		Set<String> languages = new HashSet<>();
		versions.add(version(currentLanguage, currentUrl, true));
		languages.add(currentLanguage.toLowerCase(Locale.ROOT));
		for (Translation t : group) {
			String language = t.language() != null ? t.language() : siteLanguage;
			if (t.id() != currentId && languages.add(language.toLowerCase(Locale.ROOT))) {
				versions.add(version(language, absolute.apply(t.path()), false));
			}
		}
		if (versions.size() < 2) {
			return NONE;
		}
		versions.sort((a, b) -> a.hreflang().compareToIgnoreCase(b.hreflang()));
		String xDefault = versions.stream()
			.filter(v -> v.hreflang().equalsIgnoreCase(siteLanguage))
			.map(Version::href)
			.findFirst()
			.orElse(null);
		return new LanguageVersions(List.copyOf(versions), xDefault);
	}

	private static Version version(String language, String href, boolean current) {
		return new Version(language, href, name(language), SiteContext.direction(language), current);
	}

	/**
	 * @return the language's name in itself, capitalized as a menu item, e.g. "Deutsch",
	 * "Español", "فارسی"; the tag itself when ICU does not know it
	 */
	public static String name(String languageTag) {
		ULocale locale = ULocale.forLanguageTag(languageTag);
		String name = LocaleDisplayNames.getInstance(locale, DisplayContext.CAPITALIZATION_FOR_UI_LIST_OR_MENU)
			.localeDisplayName(locale);
		return name == null || name.isBlank() ? languageTag : name;
	}

}
