package org.broadsheet.article;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.broadsheet.shared.EmbedFrames;
import org.jsoup.nodes.Element;

/**
 * The allow-list of embeddable content: a URL of a known provider (the page a reader
 * would visit, or the provider's own player URL) becomes an embed block.
 *
 * <ul>
 * <li>Players (YouTube, Vimeo, SoundCloud, Datawrapper): a {@code <figure class="embed">}
 * holding a plain link to the content, with the player's URL on an {@link EmbedFrames}
 * origin in {@code data-embed-src}. That is what feeds, the Content API and readers
 * without JavaScript get; on readers' pages {@code site.js} turns it into a click-to-load
 * facade and frames the player only after the reader asks, so no request reaches the
 * provider before.</li>
 * <li>Posts (X, Bluesky, Mastodon): their embeds need the provider's script, so they stay
 * a link card ({@code <figure class="embed embed-card">}) and never load anything from
 * the provider.</li>
 * </ul>
 * A URL of no provider here is left as it is (text or a link).
 */
final class Embeds {

	/**
	 * An embed found for a URL.
	 *
	 * @param provider the provider's name as readers know it, e.g. {@code YouTube}
	 * @param kind {@code video}, {@code audio}, {@code chart} or {@code post} (a link
	 * card); styles the block's shape
	 * @param link the content's page at the provider (absolute https URL)
	 * @param frame the player's URL on an {@link EmbedFrames} origin; null for a link
	 * card
	 */
	record Embed(String provider, String kind, String link, String frame) {

		/**
		 * @return the embed block: a figure with the plain link (see the class comment)
		 */
		Element toElement() {
			var figure = new Element("figure").addClass("embed")
				.addClass("embed-" + kind)
				.attr("data-embed-provider", provider);
			if (frame != null) {
				figure.attr("data-embed-src", frame);
			}
			else {
				figure.addClass("embed-card");
			}
			figure.appendElement("p")
				.addClass("embed-link")
				.appendElement("a")
				.attr("href", link)
				.text(provider + ": " + link);
			return figure;
		}

	}

	private record Rule(Pattern pattern, Function<Matcher, Embed> embed) {
	}

	private static final String YOUTUBE_ID = "([A-Za-z0-9_-]{11})";

	private static final List<Rule> RULES = List.of(
			rule("https?://(?:www\\.|m\\.)?youtube\\.com/watch\\?(?:[^#\\s]*&)?v=" + YOUTUBE_ID + "(?:[&#].*)?",
					Embeds::youtube),
			rule("https?://youtu\\.be/" + YOUTUBE_ID + "(?:[?#].*)?", Embeds::youtube),
			rule("https?://(?:www\\.)?youtube(?:-nocookie)?\\.com/(?:embed|shorts|live)/" + YOUTUBE_ID + "(?:[?#].*)?",
					Embeds::youtube),
			rule("https?://(?:www\\.|player\\.)?vimeo\\.com/(?:video/)?(\\d{1,12})(?:[/?#].*)?",
					m -> new Embed("Vimeo", "video", "https://vimeo.com/" + m.group(1),
							EmbedFrames.VIMEO + "/video/" + m.group(1) + "?dnt=1")),
			rule("https?://(?:www\\.|m\\.)?soundcloud\\.com/([\\w-]+/[\\w-]+(?:/[\\w-]+)?)/?",
					m -> soundcloud(m.group(1))),
			rule("https?://w\\.soundcloud\\.com/player/?\\?(?:[^#\\s]*&)?url=https?(?::|%3A)(?://|%2F%2F)(?:www\\.)?soundcloud\\.com(?:/|%2F)([\\w%/-]+)(?:[&#].*)?",
					m -> soundcloud(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8))),
			rule("https?://datawrapper\\.dwcdn\\.net/([A-Za-z0-9]{5})(?:/\\d+)?/?(?:[?#].*)?", Embeds::datawrapper),
			rule("https?://(?:www\\.|app\\.)?datawrapper\\.de/_/([A-Za-z0-9]{5})/?", Embeds::datawrapper),
			rule("https?://(?:www\\.|mobile\\.)?(?:twitter|x)\\.com/(\\w{1,15})/status/(\\d{1,20})(?:[/?#].*)?",
					m -> new Embed("X", "post", "https://x.com/" + m.group(1) + "/status/" + m.group(2), null)),
			rule("https?://bsky\\.app/profile/([\\w.:-]{1,253})/post/([a-z0-9]{1,20})",
					m -> new Embed("Bluesky", "post", "https://bsky.app/profile/" + m.group(1) + "/post/" + m.group(2),
							null)),
			rule("https?://([a-z0-9-]+(?:\\.[a-z0-9-]+)+)/@(\\w{1,30})/(\\d{1,20})", m -> new Embed("Mastodon", "post",
					"https://" + m.group(1) + "/@" + m.group(2) + "/" + m.group(3), null)));

	private Embeds() {
	}

	private static Rule rule(String regex, Function<Matcher, Embed> embed) {
		return new Rule(Pattern.compile(regex), embed);
	}

	private static Embed youtube(Matcher m) {
		return new Embed("YouTube", "video", "https://www.youtube.com/watch?v=" + m.group(1),
				EmbedFrames.YOUTUBE + "/embed/" + m.group(1));
	}

	private static Embed soundcloud(String path) {
		if (!path.matches("[\\w-]+/[\\w-]+(?:/[\\w-]+)?")) {
			return null;
		}
		String link = "https://soundcloud.com/" + path;
		return new Embed("SoundCloud", "audio", link,
				EmbedFrames.SOUNDCLOUD + "/player/?url=" + URLEncoder.encode(link, StandardCharsets.UTF_8));
	}

	private static Embed datawrapper(Matcher m) {
		String frame = EmbedFrames.DATAWRAPPER + "/" + m.group(1) + "/";
		return new Embed("Datawrapper", "chart", frame, frame);
	}

	/**
	 * @param url as written, surrounding white space allowed
	 * @return the embed for a URL of an allowed provider; empty for any other text
	 */
	static Optional<Embed> of(String url) {
		if (url == null) {
			return Optional.empty();
		}
		String candidate = url.strip();
		if (candidate.length() > 2_000 || candidate.chars().anyMatch(Character::isWhitespace)) {
			return Optional.empty();
		}
		for (Rule rule : RULES) {
			Matcher m = rule.pattern().matcher(candidate);
			if (m.matches()) {
				return Optional.ofNullable(rule.embed().apply(m));
			}
		}
		return Optional.empty();
	}

	/**
	 * @param src an {@code <iframe>}'s {@code src}
	 * @return the URL to write in its place (an embed's page URL) when it frames an
	 * allowed player; empty when the frame must be dropped
	 */
	static Optional<String> frameReplacement(String src) {
		return of(src).filter(embed -> embed.frame() != null).map(Embed::link);
	}

}
