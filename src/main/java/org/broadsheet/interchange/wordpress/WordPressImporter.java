package org.broadsheet.interchange.wordpress;

import static org.broadsheet.interchange.wordpress.WxrValues.decodeSlug;
import static org.broadsheet.interchange.wordpress.WxrValues.displayName;
import static org.broadsheet.interchange.wordpress.WxrValues.firstDate;
import static org.broadsheet.interchange.wordpress.WxrValues.gmt;
import static org.broadsheet.interchange.wordpress.WxrValues.plainLine;
import static org.broadsheet.interchange.wordpress.WxrValues.plainName;
import static org.broadsheet.interchange.wordpress.WxrValues.shorten;
import static org.broadsheet.interchange.wordpress.WxrValues.stableKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.broadsheet.account.SystemActor;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleInterchange;
import org.broadsheet.article.ArticleRules;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ImageUse;
import org.broadsheet.article.ImportedHtml;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.author.Authors;
import org.broadsheet.comment.Comments;
import org.broadsheet.interchange.wordpress.WordPressReport.Kind;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.page.PageStatus;
import org.broadsheet.page.StaticPageDraft;
import org.broadsheet.page.StaticPages;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.Taxonomy;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a WordPress export (WXR 1.0–1.2, see {@link Wxr}) in two streaming passes. The
 * first reads the whole file, checking that it is well-formed and collecting the small
 * things items refer to (authors, categories, attachments); a malformed file stops there,
 * with nothing written. The second writes everything in one transaction, each item in a
 * savepoint of its own (an item that cannot be stored is skipped and reported, the others
 * go on), so that the import is all or nothing on SQLite and PostgreSQL alike while only
 * one item is in memory at a time.
 *
 * <p>
 * Mapping: a top-level category becomes a section (once an article is filed in it:
 * top-level categories without articles are reported as skipped, not made into empty
 * sections), a child category a tag; an article's section is the top-level ancestor of
 * its first category, and every other category and tag of the post becomes a tag. Pages
 * become static pages ({@code page.StaticPages}: published or draft, without comments).
 * Posts' statuses: publish → published, future → scheduled, draft → draft, pending → in
 * review, private and password-protected → unpublished (Broadsheet has neither private
 * articles nor passwords, and never shows protected text). Everything is keyed by the
 * export's site address and WordPress ids, so importing the same file again changes
 * nothing.
 */
@Service
public class WordPressImporter {

	/**
	 * @param uploads a copy of the site's {@code wp-content/uploads} folder, or null:
	 * attachment files are copied from there into the media library (never fetched from
	 * the network)
	 * @param defaultSection the section of posts without a category
	 */
	public record Options(Path uploads, String defaultSection) {

		/**
		 * No uploads folder; posts without a category in "Uncategorized".
		 */
		public static Options defaults() {
			return new Options(null, "Uncategorized");
		}

	}

	private final ArticleInterchange interchange;

	private final Authors authors;

	private final Taxonomy taxonomy;

	private final MediaLibrary media;

	private final Comments comments;

	private final WordPressAttachments attachments;

	private final TransactionTemplate whole;

	private final TransactionTemplate savepoint;

	private final StaticPages pages;

	private final WordPressAddresses addresses;

	WordPressImporter(ArticleInterchange interchange, Authors authors, Taxonomy taxonomy, MediaLibrary media,
			Comments comments, WordPressAttachments attachments, StaticPages pages, WordPressAddresses addresses,
			PlatformTransactionManager transactions) {
		this.interchange = interchange;
		this.addresses = addresses;
		this.pages = pages;
		this.authors = authors;
		this.taxonomy = taxonomy;
		this.media = media;
		this.comments = comments;
		this.attachments = attachments;
		this.whole = new TransactionTemplate(transactions);
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * @return what was imported and skipped, and why
	 * @throws WxrException naming the file and line, when the file is not well-formed
	 * WXR; nothing of it has been imported then
	 * @throws IllegalArgumentException when the uploads folder is not a folder
	 */
	public WordPressReport importFile(Path file, Options options, ImportProgress progress) {
		if (options.uploads() != null && !Files.isDirectory(options.uploads())) {
			throw new InvalidInput("uploads", "wordpress.invalid.uploads", String.valueOf(options.uploads()));
		}
		Scan scan = scan(file, progress);
		Run run = new Run(file, options, scan, progress);
		run.pictures.prepareFiles(progress);
		try {
			whole.executeWithoutResult(status -> run.importAll());
		}
		finally {
			run.pictures.discardUnrecorded();
		}
		return run.report;
	}

	/**
	 * What the first pass learns: the small things items refer to, and how many items
	 * there are.
	 */
	private static final class Scan {

		final Map<String, Wxr.Author> authors = new LinkedHashMap<>();

		final Map<String, Wxr.Category> categories = new LinkedHashMap<>();

		final List<Wxr.Tag> tags = new ArrayList<>();

		/** Co-Authors Plus's guest-author items, in file order. */
		final List<Wxr.Item> guests = new ArrayList<>();

		/** {@code wp:term}s of the {@code author} taxonomy by slug (lower case). */
		final Map<String, Wxr.TaxonomyTerm> authorTerms = new HashMap<>();

		/** Attachment post id → the attachment item without its content's bulk. */
		final Map<String, Wxr.Item> attachments = new LinkedHashMap<>();

		long items;

		String siteUrl = "";

		/** Posts with their links' keys, to tell the site's permalink structure. */
		final Map<WordPressPermalinks.Post, String> samples = WordPressAddressBook.samples();

		/** The import's report, which starts with the repairs of the file's XML. */
		final WordPressReport report = new WordPressReport();

	}

	private Scan scan(Path file, ImportProgress progress) {
		Scan scan = new Scan();
		long size = sizeOf(file);
		try (var reader = new WxrReader(file, scan.report::repaired)) {
			for (Wxr.Entry entry; (entry = reader.next()) != null;) {
				if (entry instanceof Wxr.Author a) {
					scan.authors.putIfAbsent(a.login().strip(), a);
				}
				else if (entry instanceof Wxr.Category c) {
					scan.categories.putIfAbsent(c.nicename().strip(), c);
				}
				else if (entry instanceof Wxr.Tag t) {
					scan.tags.add(t);
				}
				else if (entry instanceof Wxr.TaxonomyTerm t && t.taxonomy().strip().equals("author")) {
					scan.authorTerms.putIfAbsent(decodeSlug(t.slug()).toLowerCase(Locale.ROOT), t);
				}
				else if (entry instanceof Wxr.Item item) {
					scan.items++;
					WordPressAddressBook.sample(scan.samples, item, scan.categories);
					if (item.postType().strip().equals("attachment")) {
						scan.attachments.put(item.postId().strip(), item);
					}
					else if (item.postType().strip().equals(WordPressBylines.GUEST_AUTHOR)) {
						scan.guests.add(item);
					}
				}
				progress.update("checking", reader.bytesRead(), size);
			}
			progress.update("checking", size, size);
			scan.siteUrl = reader.siteUrl();
		}
		return scan;
	}

	/** Statuses of items WordPress neither shows nor keeps. */
	private static boolean skippedStatus(Wxr.Item item) {
		String status = item.status().strip();
		return status.equals("trash") || status.equals("auto-draft") || status.equals("inherit");
	}

	private static long sizeOf(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new WxrException(file + ": cannot read the file: " + ex.getMessage());
		}
	}

	/** The second pass, inside the import's transaction. */
	private final class Run {

		final Path file;

		final Options options;

		final Scan scan;

		final ImportProgress progress;

		final WordPressReport report;

		final String origin;

		/** Category nicename → its section (top-level) or tag (child) name. */
		final Map<String, String> categoryNames = new HashMap<>();

		/**
		 * Names of the top-level categories, which become sections once an article is
		 * filed in one.
		 */
		final List<String> sectionCategories = new ArrayList<>();

		/**
		 * Post ids met so far: a second item with one is skipped, not merged into the
		 * first.
		 */
		final Set<String> seenPosts = new HashSet<>();

		/** Post id → article id, for attachments and comments. */
		final Map<String, Long> articleIds = new HashMap<>();

		final WordPressBylines bylines;

		/** Authors of bylines this import has stored, by login → their name. */
		final Map<String, String> bylineAuthors = new HashMap<>();

		final WordPressComments threads;

		final WordPressMedia pictures;

		/** The site's old addresses, remembered as items are stored. */
		final WordPressAddressBook book;

		/**
		 * Names of the tags and sections there were before this import, for the report.
		 */
		final Set<String> tagsBefore;

		final Set<String> sectionsBefore;

		Run(Path file, Options options, Scan scan, ImportProgress progress) {
			this.tagsBefore = taxonomy.tags().stream().map(Tag::name).collect(Collectors.toSet());
			this.sectionsBefore = taxonomy.sectionsFromDatabase()
				.stream()
				.map(Section::name)
				.collect(Collectors.toSet());
			this.file = file;
			this.options = options;
			this.scan = scan;
			this.report = scan.report;
			this.progress = progress;
			this.origin = "wxr:" + (scan.siteUrl.isBlank() ? file.getFileName().toString() : scan.siteUrl);
			this.threads = new WordPressComments(comments, report, origin, this::inSavepoint);
			this.pictures = new WordPressMedia(media, attachments, report, options.uploads(), scan.attachments,
					this::inSavepoint);
			this.bylines = new WordPressBylines(scan.authors,
					WordPressBylines.distinct(
							scan.guests.stream().filter(g -> !skippedStatus(g)).map(WordPressBylines::guest).toList()),
					scan.authorTerms);
			this.book = new WordPressAddressBook(addresses, origin, scan.siteUrl, scan.samples, scan.categories,
					scan.authorTerms.values());
		}

		void importAll() {
			scan.authors.values().forEach(this::importAuthor);
			scan.guests.forEach(this::importGuestAuthor);
			scan.categories.values().forEach(this::importCategory);
			scan.tags.forEach(this::importTag);
			long done = 0;
			try (var reader = new WxrReader(file)) {
				for (Wxr.Entry entry; (entry = reader.next()) != null;) {
					if (entry instanceof Wxr.Item item) {
						importItem(item);
						progress.update("importing", ++done, scan.items);
					}
				}
			}
			for (Wxr.Item a : scan.attachments.values()) {
				Long parent = articleIds.get(a.postParent().strip());
				pictures.importAttachment(a, key(a), parent);
				book.attachment(a, parent, key(a));
			}
			book.archives(categoryNames, scan.tags, taxonomy);
			book.siteFeeds();
			report.note("permalink structure "
					+ (book.structure() == null ? "not recognised from the posts' links" : book.structure().pattern)
					+ "; " + book.count() + " old addresses answer with a redirect (list them: wordpress-addresses)");
			var sections = taxonomy.sectionsFromDatabase().stream().map(Section::name).collect(Collectors.toSet());
			for (String name : sectionCategories) {
				if (sectionsBefore.contains(name)) {
					report.unchanged(Kind.CATEGORY);
				}
				else if (sections.contains(name)) {
					report.created(Kind.CATEGORY);
				}
				else {
					report.skipped(Kind.CATEGORY, "top-level category without articles: no empty section made");
				}
			}
		}

		private void importAuthor(Wxr.Author author) {
			report.found(Kind.AUTHOR);
			String login = author.login().strip();
			inSavepoint(Kind.AUTHOR, "line " + author.line() + " author '" + login + "'", () -> {
				var restored = authors.restore(login, displayName(author), author.email());
				book.author(login, author.id(), restored.author());
				restoredAuthor(restored, login, "in the file's authors");
			});
		}

		/** Counts a restored author, keeps their name for bylines, names them if new. */
		private void restoredAuthor(Authors.Restored restored, String login, String why) {
			bylineAuthors.put(login, restored.author().name());
			if (restored.created()) {
				report.created(Kind.AUTHOR);
				report.authorCreated(restored.author().name(), login, why);
			}
			else if (restored.changed()) {
				report.updated(Kind.AUTHOR);
			}
			else {
				report.unchanged(Kind.AUTHOR);
			}
		}

		/**
		 * A Co-Authors Plus guest author becomes an author with their profile: name,
		 * email, bio and website; never a post or page.
		 */
		private void importGuestAuthor(Wxr.Item item) {
			report.found(Kind.AUTHOR);
			if (skippedStatus(item)) {
				report.skipped(Kind.AUTHOR, "guest author with status '" + item.status().strip() + "'");
				return;
			}
			var guest = WordPressBylines.guest(item);
			if (guest.login().isBlank()) {
				report.skipped(Kind.AUTHOR, "guest author without a login");
				return;
			}
			// A guest author with a user's login is that user's profile (a linked
			// account): the one author, named as the guest.
			inSavepoint(Kind.AUTHOR, "line " + item.line() + " guest author '" + guest.login() + "'", () -> {
				var restored = authors.restore(guest.login(), guest.profile(), guest.email(), guest.website());
				book.author(guest.login(), "", restored.author());
				restoredAuthor(restored, guest.login(), "guest author (Co-Authors Plus)");
				report.changed("guest author → author");
			});
		}

		/**
		 * @return the item's byline: every author WordPress showed, in order, those the
		 * file does not declare stored first (each in a savepoint of its own, so that a
		 * post that cannot be stored leaves its new author behind whole)
		 */
		private List<AuthorProfile> byline(Wxr.Item item, String where) {
			List<AuthorProfile> byline = new ArrayList<>();
			for (var person : bylines.of(item, note -> report.note(where + ": " + note))) {
				String key = person.login();
				if (!person.login().isBlank() && !bylineAuthors.containsKey(key)) {
					inSavepoint(Kind.AUTHOR, where + " author '" + person.login() + "'", () -> {
						var restored = authors.restore(person.login(), person.profile(), person.email(), null);
						bylineAuthors.put(key, restored.author().name());
						if (restored.created()) {
							report.authorCreated(restored.author().name(), person.login(),
									"named by a byline, not in the file's authors");
						}
					});
				}
				byline.add(AuthorProfile.named(bylineAuthors.getOrDefault(key, person.name())));
			}
			if (byline.size() > ArticleRules.MAX_AUTHORS) {
				report.note(where + ": byline cut to its first " + ArticleRules.MAX_AUTHORS + " of " + byline.size()
						+ " authors");
				return List.copyOf(byline.subList(0, ArticleRules.MAX_AUTHORS));
			}
			return byline;
		}

		private void importCategory(Wxr.Category category) {
			report.found(Kind.CATEGORY);
			String name = plainName(category.name(), category.nicename());
			boolean topLevel = category.parent().isBlank() || !scan.categories.containsKey(category.parent().strip());
			if (topLevel) {
				// Its section is made by the first article filed in it: no empty sections
				// in the navigation.
				categoryNames.put(category.nicename().strip(), name);
				sectionCategories.add(name);
				return;
			}
			inSavepoint(Kind.CATEGORY, "line " + category.line() + " category '" + name + "'", () -> {
				String stored = taxonomy.tag(name).name();
				categoryNames.put(category.nicename().strip(), stored);
				if (tagsBefore.contains(stored)) {
					report.unchanged(Kind.CATEGORY);
				}
				else {
					report.created(Kind.CATEGORY);
				}
				report.changed("child category → tag");
			});
		}

		private void importTag(Wxr.Tag tag) {
			report.found(Kind.TAG);
			String name = plainName(tag.name(), tag.slug());
			inSavepoint(Kind.TAG, "line " + tag.line() + " tag '" + name + "'", () -> {
				if (tagsBefore.contains(taxonomy.tag(name).name())) {
					report.unchanged(Kind.TAG);
				}
				else {
					report.created(Kind.TAG);
				}
			});
		}

		private void importItem(Wxr.Item item) {
			String type = item.postType().strip();
			Kind kind = switch (type) {
				case "post" -> Kind.POST;
				case "page" -> Kind.PAGE;
				case "attachment" -> Kind.ATTACHMENT;
				default -> Kind.OTHER_ITEM;
			};
			if (type.equals(WordPressBylines.GUEST_AUTHOR)) {
				// Counted and imported as an author before the posts.
				return;
			}
			report.found(kind);
			item.comments().forEach(c -> report.found(Kind.COMMENT));
			if (kind == Kind.ATTACHMENT) {
				item.comments().forEach(c -> report.skipped(Kind.COMMENT, "on an attachment"));
				return;
			}
			if (kind == Kind.OTHER_ITEM) {
				report.skipped(kind,
						type.equals("nav_menu_item") || type.equals("wp_navigation")
								? "navigation menu (" + type + "): the site builds its own navigation"
								: "post type '" + type + "' is not an article");
				item.comments().forEach(c -> report.skipped(Kind.COMMENT, "on an item that is not imported"));
				return;
			}
			String postId = item.postId().strip();
			if (!postId.isEmpty() && !seenPosts.add(postId)) {
				report.skipped(kind, "duplicate post id: the first item with it is kept");
				report.note("line " + item.line() + ": post id " + postId + " appears again; this item is skipped");
				item.comments().forEach(c -> report.skipped(Kind.COMMENT, "its post was skipped"));
				return;
			}
			if (skippedStatus(item)) {
				report.skipped(kind, "status '" + item.status().strip() + "': not a post WordPress shows or keeps");
				item.comments().forEach(c -> report.skipped(Kind.COMMENT, "its post was skipped"));
				return;
			}
			String where = "line " + item.line() + " '" + shorten(plainLine(item.title())) + "'";
			if (kind == Kind.PAGE) {
				inSavepoint(kind, where, () -> importPage(item, where));
				item.comments().forEach(c -> report.skipped(Kind.COMMENT, "on a page: pages have no comments"));
				return;
			}
			List<AuthorProfile> byline = byline(item, where);
			boolean stored = inSavepoint(kind, where, () -> importArticle(item, kind, where, byline));
			if (!stored) {
				item.comments().forEach(c -> report.skipped(Kind.COMMENT, "its post was skipped"));
			}
		}

		/**
		 * @return the item's title as one plain line, "(no title)" for none, cut to
		 * {@code max} characters (each change reported)
		 */
		private String title(Wxr.Item item, int max, String where) {
			String title = plainLine(item.title());
			if (title.isEmpty()) {
				title = "(no title)";
				report.changed("empty title → \"(no title)\"");
			}
			if (title.length() > max) {
				title = shorten(title, max);
				report.note(where + ": title cut to " + max + " characters");
			}
			return title;
		}

		/**
		 * @return the item's excerpt as one plain line, cut to {@code max} characters
		 * (reported)
		 */
		private String excerpt(Wxr.Item item, int max, String where) {
			String excerpt = plainLine(item.excerpt());
			if (excerpt.length() > max) {
				excerpt = excerpt.substring(0, max - 1) + "…";
				report.note(where + ": excerpt cut to " + max + " characters");
			}
			return excerpt;
		}

		/**
		 * @return the item's content as HTML, shortcodes we do not know left as text
		 * (reported)
		 */
		private String html(Wxr.Item item, String where) {
			Set<String> seenShortcodes = new LinkedHashSet<>();
			String html = WordPressContent.toHtml(item.content(), name -> {
				report.shortcode(name);
				seenShortcodes.add(name);
			});
			if (!seenShortcodes.isEmpty()) {
				report.note(where + ": shortcodes left as text: " + String.join(", ", seenShortcodes));
			}
			return html;
		}

		private void importArticle(Wxr.Item item, Kind kind, String where, List<AuthorProfile> byline) {
			String title = title(item, ArticleDraft.MAX_TITLE, where);
			String summary = excerpt(item, ArticleDraft.MAX_SUMMARY, where);
			String html = html(item, where);
			String body = ImportedHtml.toMarkdown(pictures.bodyImages(html, where));
			String section = null;
			List<String> tags = new ArrayList<>();
			for (Wxr.Term term : item.terms()) {
				String domain = term.domain().strip();
				if (domain.isEmpty() || domain.equals("category")) {
					if (section == null) {
						section = sectionOf(term);
						String own = categoryName(term);
						if (!own.equalsIgnoreCase(section)) {
							tags.add(own);
						}
					}
					else {
						tags.add(categoryName(term));
					}
				}
				else if (domain.equals("post_tag")) {
					tags.add(plainName(term.name(), term.nicename()));
				}
			}
			if (section == null) {
				section = options.defaultSection();
			}
			List<String> cleanTags = distinctTags(tags, where);
			Instant date = firstDate(item.postDateGmt(), item.postDate(), item.pubDate());
			Instant modified = gmt(item.modifiedGmt());
			ArticleStatus status = status(item, date, where);
			Instant publishedAt = status == ArticleStatus.DRAFT || status == ArticleStatus.IN_REVIEW ? null : date;
			Instant updatedAt = modified != null && (publishedAt == null || !modified.isBefore(publishedAt)) ? modified
					: null;
			ImageUse lead = pictures.leadImage(item, where);
			String slug = decodeSlug(item.postName());
			var draft = new ArticleDraft(slug.isBlank() ? null : slug, title, section, byline,
					summary.isEmpty() ? null : summary, body, lead, cleanTags, null, status, publishedAt, updatedAt,
					null);
			var restored = interchange.restore(SystemActor.WORDPRESS_IMPORT, key(item), draft,
					item.sticky().strip().equals("1"));
			if (item.sticky().strip().equals("1")) {
				report.changed("sticky → pinned to the front page");
			}
			articleIds.put(item.postId().strip(), restored.id());
			book.post(item, restored.id());
			for (String old : item.meta().getOrDefault("_wp_old_slug", List.of())) {
				if (interchange.keepOldSlug(SystemActor.WORDPRESS_IMPORT, restored.id(), decodeSlug(old))) {
					report.changed("_wp_old_slug → redirect");
				}
			}
			if (item.commentStatus().strip().equals("closed")) {
				comments.close(restored.id());
			}
			threads.importComments(item, restored.id());
			switch (restored.outcome()) {
				case CREATED -> report.created(kind);
				case UPDATED -> report.updated(kind);
				case UNCHANGED -> report.unchanged(kind);
			}
		}

		/**
		 * A WordPress page becomes a static page at {@code /page/{slug}}: its slug,
		 * title, excerpt (as the description) and content converted as a post's;
		 * published when WordPress shows it, else a draft (Broadsheet has no private,
		 * protected or scheduled pages). Not linked from the footer until an editor says
		 * so. The page hierarchy is flattened.
		 */
		private void importPage(Wxr.Item item, String where) {
			String title = title(item, StaticPageDraft.MAX_TITLE, where);
			String description = excerpt(item, StaticPageDraft.MAX_DESCRIPTION, where);
			String html = html(item, where);
			String status = item.status().strip();
			boolean shown = status.equals("publish") && item.password().isEmpty();
			if (!shown) {
				report.note(where + ": page '" + status + (item.password().isEmpty() ? "" : "', password-protected")
						+ ": imported as a draft");
			}
			report.changed("page → static page (" + (shown ? "published" : "draft") + ")");
			if (!item.postParent().isBlank() && !item.postParent().strip().equals("0")) {
				report.changed("child page → top-level page");
			}
			String slug = decodeSlug(item.postName());
			var draft = new StaticPageDraft(slug.isBlank() ? null : slug, title,
					description.isEmpty() ? null : description, ImportedHtml.toMarkdown(html), null,
					shown ? PageStatus.PUBLISHED : PageStatus.DRAFT, false, 0);
			var restored = pages.restore(SystemActor.WORDPRESS_IMPORT, key(item), draft);
			book.page(item, restored.id());
			switch (restored.outcome()) {
				case CREATED -> report.created(Kind.PAGE);
				case UPDATED -> report.updated(Kind.PAGE);
				case UNCHANGED -> report.unchanged(Kind.PAGE);
			}
		}

		private ArticleStatus status(Wxr.Item item, Instant date, String where) {
			String status = item.status().strip();
			boolean password = !item.password().isEmpty();
			ArticleStatus mapped = switch (status) {
				case "publish" -> password ? ArticleStatus.UNPUBLISHED : ArticleStatus.PUBLISHED;
				case "future" -> date == null ? ArticleStatus.DRAFT : ArticleStatus.SCHEDULED;
				case "pending" -> ArticleStatus.IN_REVIEW;
				case "private" -> ArticleStatus.UNPUBLISHED;
				case "draft" -> ArticleStatus.DRAFT;
				default -> {
					report.note(where + ": unknown status '" + status + "' imported as a draft");
					yield ArticleStatus.DRAFT;
				}
			};
			if (password) {
				report.note(where + ": password-protected: imported as not public (unpublished)");
				report.changed("password-protected → unpublished (not public)");
			}
			else {
				report.changed("status " + (status.isEmpty() ? "(none)" : status) + " → " + mapped.code());
			}
			if ((mapped == ArticleStatus.PUBLISHED || mapped == ArticleStatus.UNPUBLISHED) && date == null) {
				throw new InvalidInput("post_date_gmt", "wordpress.invalid.post-date");
			}
			return mapped;
		}

		private String sectionOf(Wxr.Term term) {
			String nicename = term.nicename().strip();
			Wxr.Category category = scan.categories.get(nicename);
			Set<String> seen = new HashSet<>();
			while (category != null && !category.parent().isBlank() && seen.add(category.nicename().strip())
					&& scan.categories.containsKey(category.parent().strip())) {
				category = scan.categories.get(category.parent().strip());
			}
			if (category == null) {
				return plainName(term.name(), term.nicename());
			}
			return categoryNames.getOrDefault(category.nicename().strip(),
					plainName(category.name(), category.nicename()));
		}

		private String categoryName(Wxr.Term term) {
			return categoryNames.getOrDefault(term.nicename().strip(), plainName(term.name(), term.nicename()));
		}

		/**
		 * Tags in order, once each (ignoring case), without names that cannot be tags.
		 */
		private List<String> distinctTags(List<String> tags, String where) {
			Map<String, String> distinct = new LinkedHashMap<>();
			for (String tag : tags) {
				if (tag.length() > ArticleDraft.MAX_NAME || tag.codePoints().noneMatch(Character::isLetterOrDigit)) {
					report.note(where + ": tag '" + shorten(tag) + "' left out: needs a letter or digit, at most "
							+ ArticleDraft.MAX_NAME + " characters");
					continue;
				}
				distinct.putIfAbsent(tag.toLowerCase(Locale.ROOT), tag);
			}
			return List.copyOf(distinct.values());
		}

		private String key(Wxr.Item item) {
			String id = item.postId().strip();
			if (!id.isEmpty()) {
				return stableKey(origin + "#" + id);
			}
			String guid = item.guid().strip();
			return stableKey(
					origin + "#" + (guid.isEmpty() ? "title:" + item.title().strip() + "@" + item.postDate() : guid));
		}

		/**
		 * Runs {@code work} in a savepoint; a failure rolls it back and skips the entry
		 * with the reason.
		 */
		private boolean inSavepoint(Kind kind, String where, Runnable work) {
			try {
				savepoint.executeWithoutResult(status -> work.run());
				return true;
			}
			catch (IllegalArgumentException ex) {
				report.skipped(kind, "cannot be stored: " + ex.getMessage());
				report.note(where + ": skipped: " + ex.getMessage());
			}
			catch (DataAccessException ex) {
				report.skipped(kind, "cannot be stored: " + ex.getMostSpecificCause().getMessage());
				report.note(where + ": skipped: " + ex.getMostSpecificCause().getMessage());
			}
			catch (UncheckedIOException ex) {
				report.skipped(kind, "file cannot be read: " + ex.getMessage());
				report.note(where + ": skipped: " + ex.getMessage());
			}
			return false;
		}

	}

}
