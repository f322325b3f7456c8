package org.broadsheet.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import com.ibm.icu.util.ULocale;

import org.broadsheet.taxonomy.Section;
import org.springframework.context.MessageSource;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What every reader page shares (masthead, navigation, texts, dates), and the helpers its
 * templates use. UI text comes from {@code messages*.properties}, never from templates.
 *
 * @param sections for the navigation, by name: those with a public article
 */
public record Chrome(String siteName, String tagline, List<Section> sections, MessageSource messages, Locale locale,
		ZoneId zone, Assets assets) {

	/**
	 * @return the content-hashed path of a stylesheet or script, e.g.
	 * {@code /assets/site.css}
	 */
	public String asset(String path) {
		return assets.path(path);
	}

	/**
	 * @return the message for {@code key} in the site's language, with {@code args}
	 * filled in
	 */
	public String t(String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	/**
	 * @return the instant as a long date in the site's time zone, e.g. "25 April 2019"
	 */
	public String date(Instant instant) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(zone).format(instant);
	}

	/**
	 * @return the instant as a date and a time to the minute in the site's time zone,
	 * e.g. "25 Apr 2019, 14:05"
	 */
	public String dateTime(Instant instant) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(zone)
			.format(instant);
	}

	/**
	 * @return what stands before name {@code index} of {@code count} in a byline: "", ",
	 * " or " and "
	 */
	public String bylineSeparator(int index, int count) {
		return index == 0 ? "" : index == count - 1 ? t("byline.and") : ", ";
	}

	/**
	 * @param language an article's BCP 47 tag, or null
	 * @return the tag, or the site's language for null: what a teaser's {@code lang} says
	 */
	public String lang(String language) {
		return language != null ? language : locale.toLanguageTag();
	}

	/**
	 * @param language an article's BCP 47 tag, or null for the site's language
	 * @return {@code rtl} or {@code ltr}: what a teaser's {@code dir} says
	 */
	public String dir(String language) {
		return direction(lang(language));
	}

	/**
	 * @param language the language of the text around (an article's, or null for the
	 * site's)
	 * @return the site's language tag when the text around is in another language (for a
	 * section label inside an Arabic teaser), else null: no attribute
	 */
	public String siteLangInside(String language) {
		return lang(language).equals(lang(null)) ? null : lang(null);
	}

	/**
	 * @param language the language of the text around, or null for the site's
	 * @return the site's direction when the text around is in another language, else
	 * null: no attribute
	 */
	public String siteDirInside(String language) {
		return siteLangInside(language) == null ? null : dir(null);
	}

	/**
	 * @return {@code aria-current} for a section's link in the navigation: {@code page}
	 * on the section's own page, {@code true} on one of its articles, else null (no
	 * attribute). Read from the request being rendered (percent-encoded, as section paths
	 * are); null outside a request.
	 */
	public String current(Section section) {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return null;
		}
		String uri = attributes.getRequest().getRequestURI();
		String path = section.path();
		return uri.equals(path) ? "page" : uri.startsWith(path) ? "true" : null;
	}

	/**
	 * @return the estimated reading time of an article body (sanitized HTML), e.g. "4 min
	 * read" ({@link ReadingTime})
	 */
	public String readingTime(String bodyHtml) {
		return t("article.readingTime", ReadingTime.minutes(bodyHtml));
	}

	/**
	 * @return {@code rtl} for right-to-left languages (Arabic, Hebrew, Persian, Urdu, …),
	 * else {@code ltr}
	 */
	static String direction(String languageTag) {
		return ULocale.forLanguageTag(languageTag).isRightToLeft() ? "rtl" : "ltr";
	}

}
