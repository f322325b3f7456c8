package org.broadsheet.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.broadsheet.media.Image;
import org.broadsheet.settings.FooterLink;
import org.broadsheet.taxonomy.Section;
import org.springframework.context.MessageSource;

/**
 * What every reader page shares (masthead, navigation, texts, dates), and the helpers its
 * templates use. UI text comes from {@code messages*.properties}, never from templates.
 *
 * @param sections for the navigation, by name: those with a public article
 * @param logo the site's logo for the masthead, or null for the name alone
 * @param socialProfiles the outlet's profiles elsewhere, for the footer, in order
 * @param footerLinks the footer's links, in order
 */
public record Chrome(String siteName, String tagline, List<Section> sections, MessageSource messages, Locale locale,
		ZoneId zone, Assets assets, Image logo, List<SocialProfile> socialProfiles, List<FooterLink> footerLinks) {

	/**
	 * @return what a footer link to the profile says: the network's name, else the site's
	 * host
	 */
	public String social(SocialProfile profile) {
		return profile.network() != null ? t("social." + profile.network()) : profile.host();
	}

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

}
