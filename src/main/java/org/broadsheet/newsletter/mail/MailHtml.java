package org.broadsheet.newsletter.mail;

import java.net.URI;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * An article body made fit for e-mail. The body was sanitized when saved; it is cleaned
 * again here with a stricter list, since mail clients are no browsers: no script, form,
 * frame, media player or style survives, and no attribute but those listed ({@code on*}
 * handlers, {@code data-*}, {@code srcset} are dropped). A frame, video or audio becomes
 * a link to its source; embeds are links already. Every link and image address is made
 * absolute on the article's URL; an image from another site becomes a link to it (no
 * third-party request when the mail is opened: nothing can track the reader). Then each
 * element gets its inline {@code style} (mail clients drop stylesheets) and a class the
 * dark-mode rules of the layout use.
 */
final class MailHtml {

	/** Widest an image is shown, in CSS pixels: the column of the 600-pixel layout. */
	static final int COLUMN = 552;

	static final String TEXT = "#1a1a1a";

	static final String MUTED = "#555555";

	static final String LINK = "#0b57d0";

	static final String RULE = "#d9d9d9";

	private static final String SERIF = "Georgia,'Times New Roman',serif";

	private static final String MONO = "Menlo,Consolas,'Courier New',monospace";

	private static final Safelist SAFELIST = Safelist.relaxed()
		.addTags("figure", "figcaption", "hr", "del", "ins", "s", "mark", "abbr")
		.addAttributes("abbr", "title")
		.addAttributes(":all", "lang", "dir")
		.removeProtocols("a", "href", "ftp");

	/** Inline styles by element; an element not listed keeps what it inherits. */
	private static final Map<String, String> STYLES = Map.ofEntries(Map.entry("p", "margin:0 0 16px 0;"),
			Map.entry("h1", heading(26)), Map.entry("h2", heading(22)), Map.entry("h3", heading(19)),
			Map.entry("h4", heading(17)), Map.entry("h5", heading(17)), Map.entry("h6", heading(17)),
			Map.entry("a", "color:" + LINK + ";text-decoration:underline;"),
			Map.entry("blockquote", "margin:0 0 16px 0;padding:0 16px;border-left:3px solid " + RULE + ";"),
			Map.entry("figure", "margin:0 0 16px 0;"),
			Map.entry("figcaption", "margin:6px 0 0 0;font-size:14px;line-height:1.4;color:" + MUTED + ";"),
			Map.entry("img", "display:block;max-width:100%;height:auto;border:0;"),
			Map.entry("pre", "margin:0 0 16px 0;white-space:pre-wrap;font-family:" + MONO + ";font-size:14px;"),
			Map.entry("code", "font-family:" + MONO + ";font-size:15px;"),
			Map.entry("table", "border-collapse:collapse;width:100%;margin:0 0 16px 0;"),
			Map.entry("th", "border:1px solid " + RULE + ";padding:6px 8px;"),
			Map.entry("td", "border:1px solid " + RULE + ";padding:6px 8px;"),
			Map.entry("ul", "margin:0 0 16px 0;padding:0 24px;"), Map.entry("ol", "margin:0 0 16px 0;padding:0 24px;"),
			Map.entry("li", "margin:0 0 6px 0;"),
			Map.entry("hr", "border:0;border-top:1px solid " + RULE + ";margin:24px 0;"));

	private static final Map<String, String> CLASSES = Map.of("a", "bs-link", "figcaption", "bs-muted", "blockquote",
			"bs-rule", "hr", "bs-rule", "th", "bs-rule", "td", "bs-rule");

	private MailHtml() {
	}

	private static String heading(int size) {
		return "margin:24px 0 12px 0;font-family:" + SERIF + ";font-size:" + size + "px;line-height:1.3;";
	}

	/**
	 * @param bodyHtml the article's body as stored (sanitized HTML)
	 * @param articleUrl the article's absolute URL: relative addresses resolve on it
	 * @return the body for an e-mail (see the class comment)
	 */
	static String body(String bodyHtml, String articleUrl) {
		Document dirty = Jsoup.parseBodyFragment(bodyHtml == null ? "" : bodyHtml, articleUrl);
		for (Element player : dirty.select("iframe[src], video[src], audio[src], embed[src], object[data]")) {
			String src = player.absUrl(player.hasAttr("data") ? "data" : "src");
			if (src.startsWith("https://") || src.startsWith("http://")) {
				player.replaceWith(new Element("p").appendChild(new Element("a").attr("href", src).text(src)));
			}
		}
		Document clean = new Cleaner(SAFELIST).clean(dirty);
		String origin = origin(articleUrl);
		for (Element image : clean.select("img")) {
			String src = image.attr("src");
			if (!origin.equals(origin(src))) {
				// Third-party images would tell another site when the mail is read.
				String alt = image.attr("alt");
				image.replaceWith(new Element("a").attr("href", src).text(alt.isBlank() ? src : alt));
			}
			else {
				fitWidth(image);
			}
		}
		for (Element element : clean.body().getAllElements()) {
			String style = STYLES.get(element.normalName());
			if (style != null) {
				element.attr("style", style);
			}
			String cssClass = CLASSES.get(element.normalName());
			if (cssClass != null) {
				element.addClass(cssClass);
			}
		}
		clean.outputSettings().prettyPrint(false);
		return clean.body().html();
	}

	/** Scales an image wider than the column down to it (Outlook ignores max-width). */
	private static void fitWidth(Element image) {
		int width = number(image.attr("width"));
		int height = number(image.attr("height"));
		if (width > COLUMN) {
			image.attr("width", String.valueOf(COLUMN));
			if (height > 0) {
				image.attr("height", String.valueOf(Math.round(height * (double) COLUMN / width)));
			}
		}
	}

	private static int number(String value) {
		return value.matches("\\d{1,6}") ? Integer.parseInt(value) : 0;
	}

	/**
	 * @return scheme, host and port of an absolute URL, or "" for anything else
	 */
	static String origin(String url) {
		try {
			URI uri = URI.create(url);
			if (uri.getScheme() == null || uri.getHost() == null) {
				return "";
			}
			return uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://"
					+ uri.getHost().toLowerCase(java.util.Locale.ROOT) + ":" + uri.getPort();
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

}
