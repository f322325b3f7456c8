package org.broadsheet.interchange.wordpress;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WXR file entry by entry with StAX, holding one item at a time, so that files of
 * any size stream in little memory. Both the {@code http://} and {@code https://} forms
 * of the WordPress namespaces ({@code wordpress.org/export/1.x/} and its
 * {@code excerpt/}) are accepted. DTDs and external entities are refused. What plugins'
 * exports get wrong and WordPress's own importer still reads (a raw {@code &}, an HTML
 * entity, a control character, …) is repaired on the way by {@link WxrRepair}; what
 * cannot be read (mismatched or unclosed elements, a truncated file) is refused. Every
 * error is a {@link WxrException} naming the file and line.
 */
final class WxrReader implements AutoCloseable {

	private static final Pattern WP = Pattern.compile("https?://wordpress\\.org/export/1\\.\\d+/");

	private static final Pattern EXCERPT = Pattern.compile("https?://wordpress\\.org/export/1\\.\\d+/excerpt/");

	private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

	private static final String DC = "http://purl.org/dc/elements/1.1/";

	/**
	 * The JDK's messages start with the location, which {@link WxrException} gives its
	 * own way.
	 */
	private static final Pattern LOCATION_PREFIX = Pattern
		.compile("(?s)^ParseError at \\[row,col]:\\[\\d+,\\d+]\\s*Message:\\s*");

	/** The JDK's message for a document that ends inside an element. */
	private static final String CUT_SHORT = "XML document structures must start and end within the same entity";

	private final Path file;

	private final Counting bytes;

	private final WxrRepair text;

	private final XMLStreamReader xml;

	private String siteLink = "";

	private String baseBlogUrl = "";

	private boolean inChannel;

	/** Namespace URI → its prefix here ({@code wp:}, {@code excerpt:}, …). */
	private final Map<String, String> kinds = new HashMap<>();

	/**
	 * Whether anything WordPress wrote (a {@code wp:} element) has been read: a plain RSS
	 * feed has none.
	 */
	private boolean wordPress;

	/**
	 * Reads without telling what was repaired.
	 * @throws WxrException when the file cannot be opened or does not start as an RSS
	 * document
	 */
	WxrReader(Path file) {
		this(file, (line, column, what) -> {
		});
	}

	/**
	 * @param repairs told of each repair of the XML, with its line and column
	 * @throws WxrException when the file cannot be opened or does not start as an RSS
	 * document
	 */
	WxrReader(Path file, WxrRepair.Listener repairs) {
		this.file = file;
		if (Files.isDirectory(file)) {
			throw new WxrException(file + ": a folder, not an export file");
		}
		try {
			this.bytes = new Counting(Files.newInputStream(file));
			this.text = new WxrRepair(new BufferedInputStream(bytes, WxrRepair.BUFFER), repairs);
			XMLInputFactory factory = XMLInputFactory.newFactory();
			factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
			factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
			factory.setProperty(XMLInputFactory.IS_COALESCING, true);
			this.xml = factory.createXMLStreamReader(text);
		}
		catch (IOException ex) {
			throw new WxrException(file + ": cannot read the file: " + ex.getMessage());
		}
		catch (XMLStreamException ex) {
			throw error(ex);
		}
	}

	/**
	 * @return bytes of the file read so far, for progress
	 */
	long bytesRead() {
		return bytes.count;
	}

	/**
	 * @return the channel's {@code wp:base_blog_url}, else its {@code link}; known once
	 * the first item is read
	 */
	String siteUrl() {
		return !baseBlogUrl.isBlank() ? baseBlogUrl.strip() : siteLink.strip();
	}

	/**
	 * @return the next author, category, tag or item, or null after the end of the
	 * document
	 * @throws WxrException for XML that is not well-formed, or a document that is not RSS
	 */
	Wxr.Entry next() {
		try {
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.DTD) {
					throw at("a DOCTYPE is not allowed in a WordPress export (WordPress never writes one)");
				}
				if (event != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				String name = xml.getLocalName();
				String ns = kind(xml.getNamespaceURI());
				if (!inChannel) {
					if (ns.isEmpty() && name.equals("channel")) {
						inChannel = true;
					}
					else if (!(ns.isEmpty() && name.equals("rss"))) {
						throw at("not a WordPress export: <rss><channel> expected, found <" + name + ">");
					}
					continue;
				}
				wordPress |= ns.equals("wp:");
				switch (ns + name) {
					case "link" -> siteLink = text();
					case "wp:base_blog_url" -> baseBlogUrl = text();
					case "wp:author" -> {
						return author();
					}
					case "wp:category" -> {
						return category();
					}
					case "wp:tag" -> {
						return tag();
					}
					case "wp:term" -> {
						return taxonomyTerm();
					}
					case "item" -> {
						Wxr.Item item = item();
						wordPress |= !item.postType().isBlank();
						return item;
					}
					default -> skip();
				}
			}
			if (!inChannel) {
				throw new WxrException(file + ":1: not a WordPress export: no <rss><channel>");
			}
			if (!wordPress) {
				throw new WxrException(file + ":1: not a WordPress export: an RSS feed without WordPress's "
						+ "wp: elements (export from WordPress with Tools → Export)");
			}
			return null;
		}
		catch (XMLStreamException ex) {
			throw error(ex);
		}
	}

	private Wxr.Author author() throws XMLStreamException {
		int line = line();
		Map<String, String> f = fields();
		return new Wxr.Author(f.getOrDefault("wp:author_id", ""), f.getOrDefault("wp:author_login", ""),
				f.getOrDefault("wp:author_email", ""), f.getOrDefault("wp:author_display_name", ""), line);
	}

	private Wxr.Category category() throws XMLStreamException {
		int line = line();
		Map<String, String> f = fields();
		return new Wxr.Category(f.getOrDefault("wp:term_id", ""), f.getOrDefault("wp:category_nicename", ""),
				f.getOrDefault("wp:cat_name", ""), f.getOrDefault("wp:category_parent", ""),
				f.getOrDefault("wp:category_description", ""), line);
	}

	private Wxr.Tag tag() throws XMLStreamException {
		int line = line();
		Map<String, String> f = fields();
		return new Wxr.Tag(f.getOrDefault("wp:term_id", ""), f.getOrDefault("wp:tag_slug", ""),
				f.getOrDefault("wp:tag_name", ""), line);
	}

	private Wxr.TaxonomyTerm taxonomyTerm() throws XMLStreamException {
		int line = line();
		Map<String, String> f = fields();
		return new Wxr.TaxonomyTerm(f.getOrDefault("wp:term_taxonomy", ""), f.getOrDefault("wp:term_slug", ""),
				f.getOrDefault("wp:term_name", ""), f.getOrDefault("wp:term_description", ""), line);
	}

	/**
	 * The text of each child element (by prefixed name) up to the end of the current
	 * element.
	 */
	private Map<String, String> fields() throws XMLStreamException {
		Map<String, String> fields = new LinkedHashMap<>();
		while (nextChild()) {
			fields.put(kind(xml.getNamespaceURI()) + xml.getLocalName(), text());
		}
		return fields;
	}

	private Wxr.Item item() throws XMLStreamException {
		int line = line();
		Map<String, String> f = new LinkedHashMap<>();
		List<Wxr.Term> terms = new ArrayList<>();
		Map<String, List<String>> meta = new LinkedHashMap<>();
		List<Wxr.Comment> comments = new ArrayList<>();
		while (nextChild()) {
			String key = kind(xml.getNamespaceURI()) + xml.getLocalName();
			switch (key) {
				case "category" -> {
					// WXR 1.0 called post tags "tag"; WordPress's importer reads it as
					// post_tag
					String domain = attribute("domain").equals("tag") ? "post_tag" : attribute("domain");
					String nicename = attribute("nicename");
					terms.add(new Wxr.Term(domain, nicename, text()));
				}
				case "wp:postmeta" -> {
					Map<String, String> m = fields();
					meta.computeIfAbsent(m.getOrDefault("wp:meta_key", ""), k -> new ArrayList<>())
						.add(m.getOrDefault("wp:meta_value", ""));
				}
				case "wp:comment" -> comments.add(comment());
				default -> f.put(key, text());
			}
		}
		// WXR 1.0 wrote each term twice, with and without nicename; WordPress reads the
		// first
		Set<String> named = new HashSet<>();
		terms.stream().filter(t -> !t.nicename().isBlank()).forEach(t -> named.add(t.domain() + "\n" + t.name()));
		terms.removeIf(t -> t.nicename().isBlank()
				&& named.contains((t.domain().isEmpty() ? "category" : t.domain()) + "\n" + t.name()));
		return new Wxr.Item(line, f.getOrDefault("title", ""), f.getOrDefault("link", ""),
				f.getOrDefault("pubDate", ""), f.getOrDefault("guid", ""), f.getOrDefault("dc:creator", ""),
				f.getOrDefault("content:encoded", ""), f.getOrDefault("excerpt:encoded", ""),
				f.getOrDefault("wp:post_id", ""), f.getOrDefault("wp:post_date", ""),
				f.getOrDefault("wp:post_date_gmt", ""), f.getOrDefault("wp:post_modified_gmt", ""),
				f.getOrDefault("wp:comment_status", ""), f.getOrDefault("wp:post_name", ""),
				f.getOrDefault("wp:status", ""), f.getOrDefault("wp:post_parent", ""),
				f.getOrDefault("wp:post_type", ""), f.getOrDefault("wp:post_password", ""),
				f.getOrDefault("wp:is_sticky", ""), f.getOrDefault("wp:attachment_url", ""), terms, meta, comments);
	}

	private Wxr.Comment comment() throws XMLStreamException {
		Map<String, String> f = new LinkedHashMap<>();
		while (nextChild()) {
			String key = kind(xml.getNamespaceURI()) + xml.getLocalName();
			if (key.equals("wp:commentmeta")) {
				skip();
			}
			else {
				f.put(key, text());
			}
		}
		return new Wxr.Comment(f.getOrDefault("wp:comment_id", ""), f.getOrDefault("wp:comment_author", ""),
				f.getOrDefault("wp:comment_author_email", ""), f.getOrDefault("wp:comment_author_url", ""),
				f.getOrDefault("wp:comment_date_gmt", ""), f.getOrDefault("wp:comment_date", ""),
				f.getOrDefault("wp:comment_content", ""), f.getOrDefault("wp:comment_approved", ""),
				f.getOrDefault("wp:comment_type", ""), f.getOrDefault("wp:comment_parent", ""));
	}

	/** Moves to the next child element; false at the end of the current element. */
	private boolean nextChild() throws XMLStreamException {
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				return true;
			}
			if (event == XMLStreamConstants.END_ELEMENT) {
				return false;
			}
		}
		throw at("the file ends inside an element");
	}

	/**
	 * The text of the current element; an element with child elements gives their text.
	 */
	private String text() throws XMLStreamException {
		StringBuilder text = new StringBuilder();
		int depth = 1;
		while (depth > 0) {
			int event = xml.next();
			switch (event) {
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
						XMLStreamConstants.ENTITY_REFERENCE ->
					text.append(xml.getText());
				case XMLStreamConstants.START_ELEMENT -> depth++;
				case XMLStreamConstants.END_ELEMENT -> depth--;
				case XMLStreamConstants.END_DOCUMENT -> throw at("the file ends inside an element");
				default -> {
					// comments and processing instructions are not text
				}
			}
		}
		return text.toString();
	}

	private void skip() throws XMLStreamException {
		text();
	}

	private String attribute(String name) {
		String value = xml.getAttributeValue(null, name);
		return value == null ? "" : value;
	}

	/**
	 * @return "wp:", "excerpt:", "content:", "dc:", "" for RSS's own elements, or
	 * "other:"
	 */
	private String kind(String namespace) {
		if (namespace == null || namespace.isEmpty()) {
			return "";
		}
		// A file has a handful of namespaces and millions of elements: match each
		// namespace once.
		return kinds.computeIfAbsent(namespace, ns -> WP.matcher(ns).matches() ? "wp:" : EXCERPT.matcher(ns).matches()
				? "excerpt:" : ns.equals(CONTENT) ? "content:" : ns.equals(DC) ? "dc:" : "other:");
	}

	private int line() {
		return xml.getLocation().getLineNumber();
	}

	private WxrException at(String problem) {
		return new WxrException(file + ":" + line() + ": " + problem);
	}

	private WxrException error(XMLStreamException ex) {
		var location = ex.getLocation();
		String message = LOCATION_PREFIX.matcher(String.valueOf(ex.getMessage())).replaceFirst("").strip();
		if (message.startsWith(CUT_SHORT)) {
			message = "the file is cut short (truncated?): it ends before its elements are closed, "
					+ "</channel></rss> expected";
		}
		if (location == null) {
			return new WxrException(file + ": " + message);
		}
		return new WxrException(
				file + ":" + location.getLineNumber() + ":" + location.getColumnNumber() + ": " + message);
	}

	@Override
	public void close() {
		try {
			xml.close();
			text.close();
		}
		catch (XMLStreamException | IOException ex) {
			throw new UncheckedIOException(new IOException("Cannot close " + file, ex));
		}
	}

	/** Counts the bytes read, for progress. */
	private static final class Counting extends FilterInputStream {

		private long count;

		Counting(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count += n;
			}
			return n;
		}

	}

}
