package org.broadsheet.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.article.Articles;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.comment.Comments;
import org.broadsheet.comment.ImportedComment;
import org.broadsheet.interchange.bundle.BundleImporter;
import org.broadsheet.page.StaticPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Loads Broadsheet's own demo articles ({@code src/main/resources/demo}) through the
 * bundle importer when the database has no articles, so that a first start shows every
 * page element, with the static pages its footer links to ({@link DemoPages}). Off with
 * {@code broadsheet.demo.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "broadsheet.demo.enabled", havingValue = "true")
class DemoContent {

	private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

	private final BundleImporter importer;

	private final Articles articles;

	private final PublishedArticles published;

	private final Comments comments;

	private final Accounts accounts;

	/**
	 * The demo newsroom's password, for every demo account; printed at start, documented
	 * in the README.
	 */
	static final String DEMO_PASSWORD = "broadsheet-demo";

	static final List<String> DEMO_ACCOUNTS = List.of("editor@example.com", "author@example.com",
			"contributor@example.com", "admin@example.com");

	private static final List<String> DEMO_NAMES = List.of("Erik Lindqvist", "Maya Okafor", "Lina Haddad", "Sam Reyes");

	private static final List<Role> DEMO_ROLES = List.of(Role.EDITOR, Role.AUTHOR, Role.CONTRIBUTOR,
			Role.ADMINISTRATOR);

	private final StaticPages pages;

	DemoContent(BundleImporter importer, Articles articles, PublishedArticles published, Comments comments,
			Accounts accounts, StaticPages pages) {
		this.pages = pages;
		this.importer = importer;
		this.articles = articles;
		this.published = published;
		this.comments = comments;
		this.accounts = accounts;
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadIfEmpty() {
		if (articles.count() > 0) {
			// Never add accounts (least of all an administrator with the published
			// password) to a site that has content already.
			if (accounts.byEmail(DEMO_ACCOUNTS.get(0)).isPresent()) {
				announceNewsroom();
			}
			return;
		}
		createAccounts();
		Path folder = copyBundles();
		try {
			var report = importer.importPaths(SystemActor.DEMO, List.of(folder));
			report.outcomes()
				.stream()
				.filter(o -> o.failed())
				.forEach(o -> log.error("Demo bundle failed: {}", o.error()));
			addComments();
			DemoPages.load(pages);
			log.info("Loaded {} demo articles", report.imported());
		}
		finally {
			FileSystemUtils.deleteRecursively(folder.toFile());
		}
	}

	private void createAccounts() {
		// Only into a newsroom without accounts: known passwords never join real ones.
		if (accounts.all().isEmpty()) {
			for (int i = 0; i < DEMO_ACCOUNTS.size(); i++) {
				accounts.create(SystemActor.DEMO, DEMO_ACCOUNTS.get(i), DEMO_NAMES.get(i), DEMO_ROLES.get(i),
						DEMO_PASSWORD);
			}
			announceNewsroom();
		}
	}

	private static void announceNewsroom() {
		log.info("Demo newsroom: sign in at /login as {} (also {}), password '{}'", DEMO_ACCOUNTS.get(0),
				String.join(", ", DEMO_ACCOUNTS.subList(1, DEMO_ACCOUNTS.size())), DEMO_PASSWORD);
	}

	private void addComments() {
		published.published("opinion", "why-small-ports-matter-more-than-big-summits").ifPresent(a -> {
			Instant at = a.publishedAt().plus(Duration.ofHours(2));
			comment(a.id(), "demo:1", null, "Ingrid",
					"Our island ferry timetable changed last spring after exactly this "
							+ "kind of quiet agreement. Nobody outside the island noticed.",
					CommentStatus.APPROVED, at);
			comment(a.id(), "demo:2", null, "R. Patel",
					"Fair point, but the summits are where the money for the berths " + "is found.\n\nBoth matter.",
					CommentStatus.APPROVED, at.plus(Duration.ofMinutes(40)));
			comment(a.id(), "demo:3", "demo:2", "Maya Okafor",
					"The berth money in the piece came from a regional fund, "
							+ "not a summit: the figures are on www.example.org/ports-fund.",
					CommentStatus.APPROVED, at.plus(Duration.ofMinutes(75)));
			comment(a.id(), "demo:4", "demo:3", "R. Patel", "Thanks, I stand corrected.", CommentStatus.APPROVED,
					at.plus(Duration.ofMinutes(90)));
			comment(a.id(), "demo:5", null, "anonymous", "Held for moderation: never shown or counted.",
					CommentStatus.PENDING, at.plus(Duration.ofHours(3)));
		});
		published.published("news", "river-delta-towns-brace-for-a-record-flood-season")
			.ifPresent(a -> comment(a.id(), "demo:6", null, "Delta resident",
					"The wardens on our street have been excellent.", CommentStatus.APPROVED,
					a.publishedAt().plus(Duration.ofHours(1))));
	}

	private void comment(long articleId, String key, String parentKey, String name, String text, CommentStatus status,
			Instant at) {
		String email = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".") + "@example.com";
		comments.restore(new ImportedComment(articleId, key, parentKey, name, email, null, text, status, at));
	}

	/**
	 * Classpath resources may sit inside the jar; the importer reads files, so copy them
	 * out.
	 */
	private static Path copyBundles() {
		try {
			Path folder = Files.createTempDirectory("broadsheet-demo");
			for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath:demo/*")) {
				try (InputStream in = resource.getInputStream()) {
					Files.copy(in, folder.resolve(resource.getFilename()));
				}
			}
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the demo content", ex);
		}
	}

}
