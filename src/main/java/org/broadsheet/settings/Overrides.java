package org.broadsheet.settings;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.broadsheet.media.Image;

/**
 * The site settings as administrators saved them. A null value keeps the start-up
 * property ({@code broadsheet.site.*}, {@code broadsheet.comments.*}); the lists are
 * empty when none were given.
 *
 * @param name the site's name, or null
 * @param tagline one line under the name, or null
 * @param logo the publisher's logo from the media library, or null for none
 * @param language BCP 47 tag of the site's language (normalized, e.g. {@code pt-BR}), or
 * null
 * @param timeZone the zone dates are shown and typed in, or null
 * @param holdFirst hold a commenter's first comment for moderation, or null
 * @param closeAfterDays days after publication when comments close (0 never), or null
 * @param maxLinks a comment with more links than this is held, or null
 * @param blocklist words that send a comment to spam (lower case), or null
 * @param socialProfiles absolute http(s) URLs of the outlet's profiles elsewhere, in
 * order
 * @param footerLinks links of the footer, in order
 * @param updatedAt when they were last saved (UTC), or null when never
 */
public record Overrides(String name, String tagline, Image logo, String language, ZoneId timeZone, Boolean holdFirst,
		Integer closeAfterDays, Integer maxLinks, List<String> blocklist, List<String> socialProfiles,
		List<FooterLink> footerLinks, Instant updatedAt) {

	/** Nothing saved: every value is the start-up property's. */
	public static final Overrides NONE = new Overrides(null, null, null, null, null, null, null, null, null, List.of(),
			List.of(), null);

	public Overrides {
		blocklist = blocklist == null ? null : List.copyOf(blocklist);
		socialProfiles = List.copyOf(socialProfiles);
		footerLinks = List.copyOf(footerLinks);
	}

	/**
	 * @return {@code value} when set, else {@code fallback} (the start-up property)
	 */
	public static <T> T or(T value, T fallback) {
		return value != null ? value : fallback;
	}

}
