package org.broadsheet.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings form as typed: every value is text (null is read as blank), blank keeps
 * the start-up property. {@link SettingsStore#save} checks it.
 *
 * @param logo the id of a media library image, or blank for none
 * @param holdFirst {@code true}, {@code false}, or blank
 * @param closeAfterDays a whole number of days, 0 for never, or blank
 * @param maxLinks a whole number, or blank
 * @param blocklist words or phrases, one a line
 * @param socialProfiles absolute http(s) URLs, one a line
 * @param footerLabel the footer links' labels, in order (a row with a blank label and URL
 * is skipped)
 * @param footerUrl the footer links' URLs, beside their labels
 */
public record SettingsForm(String name, String tagline, String logo, String language, String timeZone, String holdFirst,
		String closeAfterDays, String maxLinks, String blocklist, String socialProfiles, List<String> footerLabel,
		List<String> footerUrl) {

	public SettingsForm {
		name = orEmpty(name);
		tagline = orEmpty(tagline);
		logo = orEmpty(logo);
		language = orEmpty(language);
		timeZone = orEmpty(timeZone);
		holdFirst = orEmpty(holdFirst);
		closeAfterDays = orEmpty(closeAfterDays);
		maxLinks = orEmpty(maxLinks);
		blocklist = orEmpty(blocklist);
		socialProfiles = orEmpty(socialProfiles);
		footerLabel = footerLabel == null ? List.of() : footerLabel;
		footerUrl = footerUrl == null ? List.of() : footerUrl;
	}

	/**
	 * @return the form showing what is saved (blank where the property holds), with
	 * {@code spareRows} empty footer rows for new links
	 */
	public static SettingsForm of(Overrides saved, int spareRows) {
		List<String> labels = new ArrayList<>();
		List<String> urls = new ArrayList<>();
		saved.footerLinks().forEach(link -> {
			labels.add(link.label());
			urls.add(link.url());
		});
		for (int i = 0; i < spareRows; i++) {
			labels.add("");
			urls.add("");
		}
		return new SettingsForm(text(saved.name()), text(saved.tagline()),
				saved.logo() == null ? "" : Long.toString(saved.logo().id()), text(saved.language()),
				saved.timeZone() == null ? "" : saved.timeZone().getId(), text(saved.holdFirst()),
				text(saved.closeAfterDays()), text(saved.maxLinks()),
				saved.blocklist() == null ? "" : String.join("\n", saved.blocklist()),
				String.join("\n", saved.socialProfiles()), labels, urls);
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

}
