package org.broadsheet.interchange.bundle;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.broadsheet.shared.Links;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleRules;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.InvalidArticle;
import org.broadsheet.article.Syndication;
import org.broadsheet.author.AuthorProfile;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads an article bundle: a UTF-8 Markdown file that starts with YAML front matter
 * between {@code ---} lines. Fields (see README, "Article bundles"): {@code title}
 * (required), {@code slug}, {@code section} (required), {@code authors} (required: names,
 * or maps with {@code name}, {@code title}, {@code affiliation}, {@code bio}),
 * {@code tags}, {@code published} and {@code updated} (ISO 8601 / RFC 3339 date-times
 * with offset), {@code status} ({@code published} or {@code draft}), {@code language}
 * (BCP 47), {@code summary}, {@code image} ({@code file}, {@code alt}, {@code caption},
 * {@code credit}) and {@code syndication} ({@code publication}, {@code note},
 * {@code url}). Unknown fields are errors, so typos are caught.
 */
class BundleParser {

	private static final Set<String> FIELDS = Set.of("title", "slug", "section", "authors", "tags", "published",
			"updated", "status", "language", "summary", "image", "syndication");

	/** Largest bundle file, in bytes; larger files are refused before they are read. */
	static final long MAX_FILE_BYTES = 5_000_000;

	/** Lines before the YAML starts: the opening {@code ---}. */
	private static final int OFFSET = 1;

	/**
	 * @throws BundleException naming the file, line and field of the first problem found
	 */
	Bundle parse(Path file) {
		String text = read(file);
		if (!text.startsWith("---\n")) {
			throw new BundleException(file, 1, null, "front matter must start with a '---' line");
		}
		int end = text.indexOf("\n---", 3);
		while (end >= 0 && !(text.startsWith("\n---\n", end) || text.length() == end + 4)) {
			end = text.indexOf("\n---", end + 1);
		}
		if (end < 0) {
			throw new BundleException(file, 1, null, "front matter has no closing '---' line");
		}
		String yaml = text.substring(4, end + 1);
		String body = end + 5 <= text.length() ? text.substring(end + 5) : "";
		int bodyLine = (int) text.substring(0, Math.min(text.length(), end + 5)).chars().filter(c -> c == '\n').count()
				+ 1;
		return new Reader(file, compose(file, yaml)).bundle(body.strip(), bodyLine);
	}

	private static String read(Path file) {
		try {
			if (Files.size(file) > MAX_FILE_BYTES) {
				throw new BundleException(file, 0, null,
						"larger than " + MAX_FILE_BYTES / 1_000_000 + " MB; is this an article bundle?");
			}
			var decoder = StandardCharsets.UTF_8.newDecoder();
			String text = decoder.decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
			if (text.startsWith("\uFEFF")) {
				text = text.substring(1);
			}
			return text.replace("\r\n", "\n");
		}
		catch (CharacterCodingException ex) {
			throw new BundleException(file, 0, null, "not UTF-8 text");
		}
		catch (IOException ex) {
			throw new BundleException(file, 0, null, "cannot read: " + ex.getMessage());
		}
	}

	private static MappingNode compose(Path file, String yaml) {
		var options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setMaxAliasesForCollections(10);
		try {
			Node root = new Yaml(options).compose(new StringReader(yaml));
			if (root instanceof MappingNode mapping) {
				return mapping;
			}
			throw new BundleException(file, OFFSET + 1, null, "front matter must be a map of fields");
		}
		catch (MarkedYAMLException ex) {
			var mark = ex.getProblemMark() != null ? ex.getProblemMark() : ex.getContextMark();
			int line = mark == null ? OFFSET + 1 : mark.getLine() + 1 + OFFSET;
			String context = ex.getContext() == null || ex.getContextMark() == null ? "" : " (" + ex.getContext()
					+ " that starts on line " + (ex.getContextMark().getLine() + 1 + OFFSET) + ")";
			throw new BundleException(file, line, null, "malformed YAML: " + ex.getProblem() + context);
		}
		catch (YAMLException ex) {
			throw new BundleException(file, OFFSET + 1, null, "malformed YAML: " + ex.getMessage());
		}
	}

	/** Walks the composed YAML, which keeps line numbers for every value. */
	private static final class Reader {

		private final Path file;

		private final Map<String, Node> fields = new LinkedHashMap<>();

		private final Map<String, Integer> keyLines = new LinkedHashMap<>();

		Reader(Path file, MappingNode root) {
			this.file = file;
			for (var tuple : root.getValue()) {
				String key = scalar(tuple.getKeyNode(), "field name");
				if (!FIELDS.contains(key)) {
					throw error(tuple.getKeyNode(), key, "unknown field (known: " + String.join(", ", sorted()) + ")");
				}
				if (fields.containsKey(key)) {
					throw error(tuple.getKeyNode(), key, "given twice (first on line " + keyLines.get(key) + ")");
				}
				fields.put(key, tuple.getValueNode());
				keyLines.put(key, line(tuple.getKeyNode()));
			}
		}

		/**
		 * @param bodyLine the 1-based line of the file where the body starts
		 */
		Bundle bundle(String body, int bodyLine) {
			String title = requiredText("title");
			String section = requiredText("section");
			requireName("section");
			var authors = authors();
			var tags = tags();
			String status = optionalText("status");
			ArticleStatus articleStatus = status == null || status.equals("published") ? ArticleStatus.PUBLISHED
					: status.equals("draft") ? ArticleStatus.DRAFT
							: fail("status", "must be 'published' or 'draft', not '" + status + "'");
			Instant published = instant("published");
			try {
				var draft = new ArticleDraft(optionalText("slug"), title, section, authors, optionalText("summary"),
						body, null, tags, ArticleRules.language("language", optionalText("language")), articleStatus,
						published, instant("updated"), syndication());
				// The rules every door shares; here first, so that the error has its
				// line.
				ArticleRules.check(draft);
				return new Bundle(file, draft, image());
			}
			catch (InvalidArticle ex) {
				throw new BundleException(file, lineOf(ex.field(), bodyLine), ex.field(), ex.problem());
			}
		}

		/**
		 * The line of a field named as {@link InvalidArticle} names it ({@code tags[3]},
		 * {@code authors[0].name}, {@code image.alt}): its value's line, else its key's,
		 * else 1.
		 */
		private int lineOf(String field, int bodyLine) {
			if (field.equals("body")) {
				return bodyLine;
			}
			Node node = null;
			for (String part : field.split("\\.")) {
				int bracket = part.indexOf('[');
				String name = bracket < 0 ? part : part.substring(0, bracket);
				Node next = node == null ? fields.get(name) : child(node, name);
				if (next == null) {
					break;
				}
				node = next;
				if (bracket >= 0 && node instanceof SequenceNode list) {
					int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
					node = index < list.getValue().size() ? list.getValue().get(index) : node;
				}
			}
			return node == null ? keyLines.getOrDefault(field, 1) : line(node);
		}

		private static Node child(Node node, String key) {
			if (node instanceof MappingNode map) {
				for (var tuple : map.getValue()) {
					if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
						return tuple.getValueNode();
					}
				}
			}
			return null;
		}

		private List<AuthorProfile> authors() {
			Node node = fields.get("authors");
			if (node == null) {
				throw missing("authors", "required: at least one author");
			}
			if (!(node instanceof SequenceNode list) || list.getValue().isEmpty()) {
				throw error(node, "authors", "must be a list of at least one author");
			}
			List<AuthorProfile> authors = new ArrayList<>();
			for (int i = 0; i < list.getValue().size(); i++) {
				Node item = list.getValue().get(i);
				String field = "authors[" + i + "]";
				if (item instanceof ScalarNode) {
					authors.add(AuthorProfile.named(name(item, field)));
				}
				else if (item instanceof MappingNode map) {
					var values = map(map, field, Set.of("name", "title", "affiliation", "bio"));
					if (values.get("name") == null) {
						throw error(item, field + ".name", "required");
					}
					authors.add(new AuthorProfile(name(values.get("name"), field + ".name"),
							limited(values.get("title"), field + ".title", AuthorProfile.MAX_TITLE),
							limited(values.get("affiliation"), field + ".affiliation", AuthorProfile.MAX_TITLE),
							limited(values.get("bio"), field + ".bio", AuthorProfile.MAX_BIO)));
				}
				else {
					throw error(item, field, "must be a name or a map with 'name'");
				}
			}
			return authors;
		}

		private List<String> tags() {
			Node node = fields.get("tags");
			if (node == null) {
				return List.of();
			}
			if (!(node instanceof SequenceNode list)) {
				throw error(node, "tags", "must be a list, e.g. [Russia, North Korea]");
			}
			List<String> tags = new ArrayList<>();
			for (int i = 0; i < list.getValue().size(); i++) {
				tags.add(name(list.getValue().get(i), "tags[" + i + "]"));
			}
			return tags;
		}

		/**
		 * @return the image's real path (links followed), which must be inside the
		 * bundle's real folder: the path's text alone would let a link in the folder
		 * point anywhere
		 */
		private Path realInside(Path folder, Path image, Node fileNode) {
			try {
				Path real = image.toRealPath();
				if (!real.startsWith(folder.toRealPath())) {
					throw error(fileNode, "image.file",
							"is a link to a file outside the bundle's folder (" + real + ")");
				}
				return real;
			}
			catch (IOException ex) {
				throw error(fileNode, "image.file", "cannot read: " + ex.getMessage());
			}
		}

		private Bundle.ImageRef image() {
			Node node = fields.get("image");
			if (node == null) {
				return null;
			}
			var values = map(node, "image", Set.of("file", "alt", "caption", "credit"));
			Node fileNode = values.get("file");
			if (fileNode == null) {
				throw error(node, "image.file", "required: the image file, relative to the bundle");
			}
			Node alt = values.get("alt");
			if (alt == null) {
				throw error(node, "image.alt", "required: describe the image for readers who cannot see it");
			}
			Path folder = file.toAbsolutePath().normalize().getParent();
			Path image = folder.resolve(nonBlank(fileNode, "image.file")).normalize();
			if (!image.startsWith(folder)) {
				throw error(fileNode, "image.file", "must be inside the bundle's folder (" + folder + ")");
			}
			if (!Files.isRegularFile(image)) {
				throw error(fileNode, "image.file", "no such file: " + image);
			}
			image = realInside(folder, image, fileNode);
			String caption = text(values.get("caption"), "image.caption");
			String credit = text(values.get("credit"), "image.credit");
			String altText = nonBlank(alt, "image.alt");
			ArticleRules.imageTexts(altText, caption, credit);
			return new Bundle.ImageRef(image, line(fileNode), altText, caption, credit);
		}

		private Syndication syndication() {
			Node node = fields.get("syndication");
			if (node == null) {
				return null;
			}
			var values = map(node, "syndication", Set.of("publication", "note", "url"));
			String url = limited(values.get("url"), "syndication.url", Syndication.MAX_URL);
			if (url != null && !url.isBlank() && !Links.isWebUrl(url.strip())) {
				throw error(values.get("url"), "syndication.url", "must be an absolute http(s) URL, not '" + url + "'");
			}
			return new Syndication(
					limited(values.get("publication"), "syndication.publication", Syndication.MAX_PUBLICATION),
					limited(values.get("note"), "syndication.note", Syndication.MAX_NOTE), url);
		}

		private Instant instant(String field) {
			String value = optionalText(field);
			if (value == null) {
				return null;
			}
			try {
				return OffsetDateTime.parse(value).toInstant();
			}
			catch (DateTimeParseException ex) {
				return fail(field,
						"must be a date and time with offset, e.g. 2019-04-25T08:00:00+07:00, not '" + value + "'");
			}
		}

		private String requiredText(String field) {
			Node node = fields.get(field);
			if (node == null) {
				throw missing(field, "required");
			}
			return nonBlank(node, field);
		}

		/**
		 * A missing or empty field: reported at its key's line, or at the opening line
		 * when absent.
		 */
		private BundleException missing(String field, String problem) {
			return new BundleException(file, keyLines.getOrDefault(field, 1), field, problem);
		}

		/**
		 * A section, tag or author name: a letter or digit (lengths and characters are
		 * {@link ArticleRules}').
		 */
		private String name(Node node, String field) {
			String value = nonBlank(node, field);
			if (!value.codePoints().anyMatch(Character::isLetterOrDigit)) {
				throw error(node, field, "needs a letter or a digit, not '" + value + "'");
			}
			return value;
		}

		private void requireName(String field) {
			name(fields.get(field), field);
		}

		private String optionalText(String field) {
			Node node = fields.get(field);
			String value = node == null ? null : text(node, field);
			return value == null || value.isBlank() ? null : value.strip();
		}

		private Map<String, Node> map(Node node, String field, Set<String> keys) {
			if (!(node instanceof MappingNode mapping)) {
				throw error(node, field, "must be a map with " + String.join(", ", keys));
			}
			Map<String, Node> values = new LinkedHashMap<>();
			for (var tuple : mapping.getValue()) {
				String key = scalar(tuple.getKeyNode(), field);
				if (!keys.contains(key)) {
					throw error(tuple.getKeyNode(), field + "." + key,
							"unknown field (known: " + String.join(", ", keys) + ")");
				}
				if (values.containsKey(key)) {
					throw error(tuple.getKeyNode(), field + "." + key, "given twice");
				}
				values.put(key, tuple.getValueNode());
			}
			return values;
		}

		/**
		 * @return the node's text, refused (with its line) when longer than {@code max}
		 * characters
		 */
		private String limited(Node node, String field, int max) {
			String value = text(node, field);
			if (value != null && value.length() > max) {
				throw error(node, field, "at most " + max + " characters, not " + value.length());
			}
			return value;
		}

		private String nonBlank(Node node, String field) {
			String value = text(node, field);
			if (value == null || value.isBlank()) {
				throw error(node, field, "must not be empty");
			}
			return value.strip();
		}

		/**
		 * @return the scalar's text, or null for a YAML null
		 */
		private String text(Node node, String field) {
			if (node == null) {
				return null;
			}
			if (!(node instanceof ScalarNode scalar)) {
				throw error(node, field, "must be text, not a list or a map");
			}
			return scalar.getTag().getValue().endsWith(":null") ? null : scalar.getValue();
		}

		private String scalar(Node node, String field) {
			if (!(node instanceof ScalarNode scalar)) {
				throw error(node, field, "must be text");
			}
			return scalar.getValue();
		}

		private <T> T fail(String field, String problem) {
			Node node = fields.get(field);
			throw node == null ? missing(field, problem) : error(node, field, problem);
		}

		private BundleException error(Node node, String field, String problem) {
			return new BundleException(file, line(node), field, problem);
		}

		private static int line(Node node) {
			return node.getStartMark().getLine() + 1 + OFFSET;
		}

		private static List<String> sorted() {
			return FIELDS.stream().sorted().toList();
		}

	}

}
