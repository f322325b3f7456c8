package org.broadsheet.comment;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.broadsheet.settings.Overrides;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Comment and like settings, from {@code broadsheet.comments.*} (README, "Comments"): the
 * defaults, of which administrators may override the moderation rules (hold first, close
 * after, links, blocklist) on the settings page ({@link #overriddenBy}).
 *
 * @param holdFirst hold a comment for moderation when its email has no approved comment
 * yet
 * @param maxLinks a comment with more links (http/https/www) than this is held
 * @param blocklist words or phrases (case-insensitive, as whole words, in the name,
 * email, website or text) that send a comment straight to spam
 * @param closeAfterDays comments close this many days after publication; 0 never
 * @param minFillTime a form sent sooner after the page was served is refused (bots fill
 * at once)
 * @param maxFormAge a form older than this is refused (the reader reloads the page)
 * @param perMinute comments accepted per client address per minute (per node)
 * @param perHour comments accepted per client address per hour (per node)
 * @param maxLength longest comment text, in characters
 * @param threadsPerPage top-level comments per page of the article's comments
 * @param maxDepth replies nest this deep at most (deeper replies are shown at this depth)
 * @param likesPerMinute likes accepted per client address per minute (per node)
 * @param likesPerAddress likes of one article from one address per day (readers behind
 * one shared address each have a cookie, so this stops cookie-clearing scripts, not them)
 */
@ConfigurationProperties("broadsheet.comments")
public record CommentSettings(@DefaultValue("true") boolean holdFirst, @DefaultValue("2") int maxLinks,
		@DefaultValue List<String> blocklist, @DefaultValue("0") int closeAfterDays,
		@DefaultValue("3s") Duration minFillTime, @DefaultValue("1d") Duration maxFormAge,
		@DefaultValue("5") int perMinute, @DefaultValue("30") int perHour, @DefaultValue("5000") int maxLength,
		@DefaultValue("50") int threadsPerPage, @DefaultValue("5") int maxDepth, @DefaultValue("30") int likesPerMinute,
		@DefaultValue("50") int likesPerAddress) {

	/** Longest name, in characters. */
	public static final int MAX_NAME = 100;

	/** Longest email address (RFC 5321 path limit). */
	public static final int MAX_EMAIL = 254;

	/** Longest website address, in characters. */
	public static final int MAX_URL = 500;

	public CommentSettings {
		if (perMinute < 1 || perHour < 1 || likesPerMinute < 1 || likesPerAddress < 1 || maxLength < 1
				|| threadsPerPage < 1 || maxDepth < 1 || maxLinks < 0 || closeAfterDays < 0) {
			throw new IllegalArgumentException("broadsheet.comments: limits must be positive (README, \"Comments\")");
		}
		blocklist = blocklist.stream()
			.map(String::strip)
			.filter(w -> !w.isEmpty())
			.map(w -> w.toLowerCase(Locale.ROOT))
			.toList();
	}

	/**
	 * @return these settings with the moderation rules {@code saved} holds in place of
	 * the properties'
	 */
	public CommentSettings overriddenBy(Overrides saved) {
		return new CommentSettings(Overrides.or(saved.holdFirst(), holdFirst), Overrides.or(saved.maxLinks(), maxLinks),
				Overrides.or(saved.blocklist(), blocklist), Overrides.or(saved.closeAfterDays(), closeAfterDays),
				minFillTime, maxFormAge, perMinute, perHour, maxLength, threadsPerPage, maxDepth, likesPerMinute,
				likesPerAddress);
	}

}
