package org.broadsheet.article;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.broadsheet.media.Image;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The blocks an article body gets after it has been sanitized, so that their markup is
 * ours and never a writer's: embeds ({@link Embeds}) from a URL alone in its paragraph,
 * pull quotes, galleries and captioned figures, and library images with their
 * {@code srcset}.
 *
 * <ul>
 * <li>Pull quote: a block quote whose first line starts with {@code [!pullquote]} becomes
 * {@code <aside class="pull-quote" aria-hidden="true"><blockquote>…}. A pull quote
 * repeats words of the article, so screen readers skip it rather than read them twice;
 * its links become text (nothing focusable is hidden).</li>
 * <li>A paragraph of images only: one image with a title becomes a {@code <figure>} with
 * the title as its {@code <figcaption>}; two or more become a
 * {@code <figure class="gallery">}.</li>
 * <li>An image from the media library ({@code /media/…}) gets the {@code srcset} of its
 * variants, {@code sizes}, its width and height (no layout shift) and lazy loading;
 * without alt text it gets the library's, else its figure's caption.</li>
 * </ul>
 */
final class BodyBlocks {

	/** Marks a block quote as a pull quote; case does not matter. */
	static final String PULL_QUOTE = "[!pullquote]";

	private BodyBlocks() {
	}

	/**
	 * @param body a sanitized body
	 * @param library looks up library images by their URL ({@code /media/…})
	 */
	static void apply(Element body, Function<Collection<String>, Map<String, Image>> library) {
		for (Element block : new ArrayList<>(body.children())) {
			if (block.nameIs("p")) {
				paragraph(block);
			}
			else if (block.nameIs("blockquote")) {
				pullQuote(block);
			}
		}
		images(body, library);
	}

	private static void paragraph(Element p) {
		List<Node> content = content(p);
		if (content.size() == 1) {
			Node only = content.get(0);
			String url = only instanceof TextNode text ? text.text()
					: only instanceof Element a && a.nameIs("a") && a.text().strip().equals(a.attr("href"))
							? a.attr("href") : null;
			if (url != null) {
				Embeds.of(url).ifPresent(embed -> p.replaceWith(embed.toElement()));
				return;
			}
		}
		if (!content.isEmpty() && content.stream().allMatch(n -> n instanceof Element e && e.nameIs("img"))) {
			var figure = new Element("figure");
			if (content.size() > 1) {
				figure.addClass("gallery");
				content.forEach(figure::appendChild);
			}
			else {
				Element img = (Element) content.get(0);
				String caption = img.attr("title").strip();
				if (caption.isEmpty()) {
					return;
				}
				img.removeAttr("title");
				figure.appendChild(img);
				figure.appendElement("figcaption").text(caption);
			}
			p.replaceWith(figure);
		}
	}

	/** The paragraph's nodes other than white space and line breaks. */
	private static List<Node> content(Element p) {
		List<Node> nodes = new ArrayList<>();
		for (Node node : p.childNodes()) {
			if (node instanceof TextNode text && text.isBlank() || node instanceof Element e && e.nameIs("br")) {
				continue;
			}
			nodes.add(node);
		}
		return nodes;
	}

	private static void pullQuote(Element blockquote) {
		Element first = blockquote.firstElementChild();
		if (first == null || !first.nameIs("p") || first.childNodeSize() == 0
				|| !(first.childNode(0) instanceof TextNode marker)) {
			return;
		}
		String text = marker.getWholeText().stripLeading();
		if (!text.toLowerCase(Locale.ROOT).startsWith(PULL_QUOTE)) {
			return;
		}
		marker.text(text.substring(PULL_QUOTE.length()).stripLeading());
		while (first.childNodeSize() > 0 && (first.childNode(0) instanceof TextNode t && t.isBlank()
				|| first.childNode(0) instanceof Element e && e.nameIs("br"))) {
			first.childNode(0).remove();
		}
		if (first.childNodeSize() == 0) {
			first.remove();
		}
		blockquote.select("a").forEach(Element::unwrap);
		var aside = new Element("aside").addClass("pull-quote").attr("aria-hidden", "true");
		blockquote.replaceWith(aside);
		aside.appendChild(blockquote);
	}

	private static void images(Element body, Function<Collection<String>, Map<String, Image>> library) {
		var images = body.select("img");
		Set<String> urls = new LinkedHashSet<>();
		images.forEach(img -> urls.add(img.attr("src")));
		Map<String, Image> found = urls.isEmpty() ? Map.of() : library.apply(urls);
		for (Element img : images) {
			Image image = found.get(img.attr("src"));
			if (image != null) {
				img.attr("width", Integer.toString(image.width())).attr("height", Integer.toString(image.height()));
				if (!image.variants().isEmpty()) {
					img.attr("srcset", image.srcset()).attr("sizes", Image.SIZES);
				}
				if (img.attr("alt").isBlank() && !image.alt().isBlank()) {
					img.attr("alt", image.alt());
				}
			}
			if (img.attr("alt").isBlank()) {
				Element figure = img.closest("figure");
				Element caption = figure == null ? null : figure.selectFirst("figcaption");
				if (caption != null && !caption.text().isBlank()) {
					img.attr("alt", caption.text().strip());
				}
			}
			img.attr("loading", "lazy").attr("decoding", "async");
		}
	}

	/**
	 * @return the {@code src} of each image in the sanitized body without alt text, in
	 * order
	 */
	static List<String> withoutAlt(Element body) {
		return body.select("img")
			.stream()
			.filter(img -> img.attr("alt").isBlank())
			.map(img -> img.attr("src"))
			.toList();
	}

}
