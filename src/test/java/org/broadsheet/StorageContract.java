package org.broadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.broadsheet.account.SystemActor;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleTeaser;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.ImageUse;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.article.Syndication;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.author.Authors;
import org.broadsheet.comment.Comment;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.comment.Comments;
import org.broadsheet.comment.ImportedComment;
import org.broadsheet.comment.Likes;
import org.broadsheet.interchange.bundle.BundleImporter;
import org.broadsheet.media.InvalidImageException;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.support.TestArticles;
import org.broadsheet.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The storage behaviour every database must show. Subclasses bind it to SQLite and
 * PostgreSQL. Each test uses its own section and tag names, so tests share one database
 * without interfering.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class StorageContract {

	private static final List<String> TABLES = List.of("section", "tag", "author", "image", "article", "article_author",
			"article_tag", "article_redirect", "comment");

	@Autowired
	ArticleWorkflow workflow;

	@Autowired
	PublishedArticles published;

	@Autowired
	Authors authors;

	@Autowired
	Taxonomy taxonomy;

	@Autowired
	Comments comments;

	@Autowired
	Likes likes;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	BundleImporter importer;

	@Autowired
	MediaLibrary media;

	@Autowired
	JdbcClient jdbc;

	@Value("${broadsheet.data}")
	Path data;

	@TempDir
	Path dir;

	@Test
	void savesAndReadsBackEveryField() throws IOException {
		var image = new ImageUse(media.store(jpeg("lead.jpg"), "Alt text", "A caption", "Agency").id(), null, null,
				null);
		var draft = new ArticleDraft(null, "Khmer and co-authors", "Storage A",
				List.of(new AuthorProfile("Ann Writer", "Fellow", "Institute", "Ann writes."),
						AuthorProfile.named("Bo Second")),
				"The standfirst",
				"Body with <script>alert(1)</script> and [a link](javascript:alert(1)) "
						+ "<img src=x onerror=alert(1)>",
				image, List.of("Tag A1", "Tag A2"), "km", ArticleStatus.PUBLISHED, at("2024-01-02T03:04:05Z"), null,
				new Syndication("Original Times", "First appeared in Original Times", "https://original.example/a"));
		var saved = workflow.store(TestArticles.ACTOR, draft);
		assertThat(saved.created()).isTrue();

		Article a = published.published("storage-a", "khmer-and-co-authors").orElseThrow();
		assertThat(a.title()).isEqualTo("Khmer and co-authors");
		assertThat(a.path()).isEqualTo(saved.path()).isEqualTo("/storage-a/khmer-and-co-authors");
		assertThat(a.authors()).extracting(x -> x.name()).containsExactly("Ann Writer", "Bo Second");
		assertThat(a.authors().get(0).bio()).isEqualTo("Ann writes.");
		assertThat(a.authors().get(0).title()).isEqualTo("Fellow");
		assertThat(a.authors().get(0).affiliation()).isEqualTo("Institute");
		assertThat(a.tags()).extracting(t -> t.name()).containsExactly("Tag A1", "Tag A2");
		assertThat(a.summary()).isEqualTo("The standfirst");
		assertThat(a.bodyHtml()).doesNotContain("<script", "javascript:", "onerror").contains("Body with");
		assertThat(a.leadImage().caption()).isEqualTo("A caption");
		assertThat(a.leadImage().credit()).isEqualTo("Agency");
		assertThat(a.leadImage().alt()).isEqualTo("Alt text");
		assertThat(a.leadImage().width()).isEqualTo(64);
		assertThat(a.language()).isEqualTo("km");
		assertThat(a.publishedAt()).isEqualTo(at("2024-01-02T03:04:05Z"));
		assertThat(a.updatedAt()).isEqualTo(a.publishedAt());
		assertThat(a.syndication().url()).isEqualTo("https://original.example/a");
		assertThat(a.syndication().note()).isEqualTo("First appeared in Original Times");

		var ann = authors.bySlug("ann-writer").orElseThrow();
		var bo = authors.bySlug("bo-second").orElseThrow();
		assertThat(published.byAuthor(ann, 1, 10).items()).extracting(ArticleTeaser::id).contains(a.id());
		assertThat(published.byAuthor(bo, 1, 10).items()).extracting(ArticleTeaser::id).contains(a.id());
	}

	@Test
	void savingTheSameDraftTwiceChangesNothing() {
		var draft = draft("Same twice", "Storage B", List.of("Tag B"), "2024-02-01T00:00:00Z");
		var first = workflow.store(TestArticles.ACTOR, draft);
		Map<String, Integer> before = counts();
		var second = workflow.store(TestArticles.ACTOR, draft);
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(second.created()).isFalse();
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void unicodeSlugsRoundTrip() {
		var saved = workflow.store(TestArticles.ACTOR,
				draft("កម្ពុជា ត្រូវការ", "ព័ត៌មាន", List.of(), "2024-02-02T00:00:00Z"));
		assertThat(saved.path()).isEqualTo("/%E1%9E%96%E1%9F%90%E1%9E%8F%E1%9F%8C%E1%9E%98%E1%9E%B6%E1%9E%93/"
				+ "%E1%9E%80%E1%9E%98%E1%9F%92%E1%9E%96%E1%9E%BB%E1%9E%87%E1%9E%B6-%E1%9E%8F%E1%9F%92%E1%9E%9A%E1%9E%BC%E1%9E%9C%E1%9E%80%E1%9E%B6%E1%9E%9A");
		assertThat(published.published("ព័ត៌មាន", "កម្ពុជា-ត្រូវការ")).isPresent();
	}

	@Test
	void draftsAndFutureArticlesAreNotPublic() {
		workflow.store(TestArticles.ACTOR, draft("Only a draft", "Storage C", List.of("Tag C"), null));
		workflow.store(TestArticles.ACTOR,
				draft("From the future", "Storage C", List.of("Tag C"), "2999-01-01T00:00:00Z"));
		var section = taxonomy.sectionBySlug("storage-c").orElseThrow();
		assertThat(published.inSection(section, 1, 10).items()).isEmpty();
		assertThat(published.published("storage-c", "only-a-draft")).isEmpty();
		assertThat(published.published("storage-c", "from-the-future")).isEmpty();
	}

	@Test
	void listsAreNewestFirstAndPaginated() {
		for (int day = 1; day <= 5; day++) {
			workflow.store(TestArticles.ACTOR,
					draft("Listed " + day, "Storage D", List.of(), "2024-03-0" + day + "T00:00:00Z"));
		}
		var section = taxonomy.sectionBySlug("storage-d").orElseThrow();
		var first = published.inSection(section, 1, 2);
		assertThat(first.items()).extracting(ArticleTeaser::title).containsExactly("Listed 5", "Listed 4");
		assertThat(first.pageCount()).isEqualTo(3);
		assertThat(published.inSection(section, 3, 2).items()).extracting(ArticleTeaser::title)
			.containsExactly("Listed 1");
		assertThat(published.inSection(section, 4, 2).items()).isEmpty();
	}

	@Test
	void neighboursArePublicationOrderNeighbours() {
		workflow.store(TestArticles.ACTOR, draft("Neighbour old", "Storage F", List.of(), "1990-01-01T00:00:00Z"));
		workflow.store(TestArticles.ACTOR, draft("Neighbour middle", "Storage F", List.of(), "1990-01-02T00:00:00Z"));
		workflow.store(TestArticles.ACTOR, draft("Neighbour new", "Storage F", List.of(), "1990-01-03T00:00:00Z"));
		var middle = published.neighbours(published.published("storage-f", "neighbour-middle").orElseThrow());
		assertThat(middle.previous().title()).isEqualTo("Neighbour old");
		assertThat(middle.next().title()).isEqualTo("Neighbour new");
	}

	@Test
	void changedAddressesRedirect() {
		var saved = workflow.store(TestArticles.ACTOR,
				draft("Moving article", "Storage G", List.of(), "2024-05-01T00:00:00Z"));
		var moved = draft("Moving article", "Storage G2", List.of(), "2024-05-01T00:00:00Z");
		TestArticles.republish(workflow, saved.id(),
				new ArticleDraft("renamed", moved.title(), moved.section(), moved.authors(), null, "", null, List.of(),
						null, ArticleStatus.PUBLISHED, moved.publishedAt(), null, null));
		assertThat(published.published("storage-g", "moving-article")).isEmpty();
		assertThat(published.redirect("storage-g", "moving-article")).contains("/storage-g2/renamed");

		// Moving back makes the old address live again: no redirect loop.
		TestArticles.republish(workflow, saved.id(),
				new ArticleDraft("moving-article", moved.title(), moved.section(), moved.authors(), null, "", null,
						List.of(), null, ArticleStatus.PUBLISHED, moved.publishedAt(), null, null));
		assertThat(published.redirect("storage-g", "moving-article")).contains("/storage-g2/moving-article");
		assertThat(published.redirect("storage-g2", "moving-article")).isEmpty();
	}

	@Test
	void updateRefusesASlugTakenInTheSection() {
		workflow.store(TestArticles.ACTOR, draft("Taken", "Storage H", List.of(), "2024-05-01T00:00:00Z"));
		var other = workflow.store(TestArticles.ACTOR, draft("Other", "Storage H", List.of(), "2024-05-01T00:00:00Z"));
		var d = draft("Other", "Storage H", List.of(), "2024-05-01T00:00:00Z");
		assertThatThrownBy(() -> TestArticles.republish(workflow, other.id(),
				new ArticleDraft("taken", d.title(), d.section(), d.authors(), null, "", null, List.of(), null,
						ArticleStatus.PUBLISHED, d.publishedAt(), null, null)))
			.isInstanceOfSatisfying(InvalidInput.class, refused -> {
				assertThat(refused.field()).isEqualTo("slug");
				assertThat(refused.key()).isEqualTo("article.invalid.slug-taken");
			});
	}

	@Test
	void titlesSharingASlugStayTwoArticles() {
		String prefix = "Live updates: Parliament debates the coastal flood defence bill as storms close in on the delta, day ";
		var one = workflow.store(TestArticles.ACTOR,
				draft(prefix + "1", "Storage J", List.of(), "2024-06-01T00:00:00Z"));
		var two = workflow.store(TestArticles.ACTOR,
				draft(prefix + "2", "Storage J", List.of(), "2024-06-02T00:00:00Z"));
		assertThat(two.id()).isNotEqualTo(one.id());
		assertThat(two.path()).isEqualTo(one.path() + "-2");
		assertThat(
				workflow.store(TestArticles.ACTOR, draft(prefix + "2", "Storage J", List.of(), "2024-06-02T00:00:00Z"))
					.id())
			.isEqualTo(two.id());
		assertThat(
				workflow.store(TestArticles.ACTOR, draft(prefix + "1", "Storage J", List.of(), "2024-06-01T00:00:00Z"))
					.id())
			.isEqualTo(one.id());
		var emoji = workflow.store(TestArticles.ACTOR, draft("🎉🎉", "Storage J", List.of(), "2024-06-03T00:00:00Z"));
		assertThat(emoji.path()).isEqualTo("/storage-j/article");
	}

	@Test
	void namesSharingASlugStayApart() {
		var cpp = taxonomy.tag("C++");
		var csharp = taxonomy.tag("C#");
		assertThat(cpp.id()).isNotEqualTo(csharp.id());
		assertThat(cpp.slug()).isEqualTo("c");
		assertThat(csharp.slug()).isEqualTo("c-2");
		assertThat(taxonomy.tag("c++").id()).isEqualTo(cpp.id());
		assertThat(taxonomy.section("Storage K").id()).isEqualTo(taxonomy.section("STORAGE K").id());
	}

	@Test
	void theSameSlugInAnotherSectionIsAnotherArticle() {
		var news = workflow.store(TestArticles.ACTOR,
				new ArticleDraft("same-slug", "First", "Storage L", List.of(AuthorProfile.named("W")), null, "", null,
						List.of(), null, ArticleStatus.PUBLISHED, at("2024-07-01T00:00:00Z"), null, null));
		var business = workflow.store(TestArticles.ACTOR,
				new ArticleDraft("same-slug", "Second", "Storage L2", List.of(AuthorProfile.named("W")), null, "", null,
						List.of(), null, ArticleStatus.PUBLISHED, at("2024-07-01T00:00:00Z"), null, null));
		assertThat(business.id()).isNotEqualTo(news.id());
		assertThat(published.published("storage-l", "same-slug").orElseThrow().title()).isEqualTo("First");
	}

	@Test
	void articlesSharingAnImageKeepTheirOwnCaptionAndCredit() throws IOException {
		Path jpeg = jpeg("shared.jpg");
		Files.writeString(dir.resolve("a.md"), bundle("Shared picture one",
				"image:\n  file: shared.jpg\n  alt: First alt\n  caption: First caption\n  credit: First agency"));
		Files.writeString(dir.resolve("b.md"),
				bundle("Shared picture two", "image:\n  file: shared.jpg\n  alt: Second alt"));
		assertThat(importer.importPaths(SystemActor.BUNDLE_IMPORT, List.of(dir)).failures()).isZero();
		var one = published.published("imports", "shared-picture-one").orElseThrow().leadImage();
		var two = published.published("imports", "shared-picture-two").orElseThrow().leadImage();
		assertThat(one.id()).isEqualTo(two.id());
		assertThat(one.alt()).isEqualTo("First alt");
		assertThat(one.caption()).isEqualTo("First caption");
		assertThat(one.credit()).isEqualTo("First agency");
		assertThat(two.alt()).isEqualTo("Second alt");
		assertThat(two.caption()).isNull();
		assertThat(two.credit()).isNull();
		assertThat(jpeg).exists();
	}

	/**
	 * Issue 12: every change to an article, imports included, has an audit entry naming
	 * who.
	 */
	@Test
	void everyArticleChangeIsAuditedWithItsActor() throws IOException {
		Files.writeString(dir.resolve("audited.md"), bundle("Audited on import", ""));
		assertThat(importer.importPaths(SystemActor.BUNDLE_IMPORT, List.of(dir.resolve("audited.md"))).failures())
			.isZero();
		long id = published.published("imports", "audited-on-import").orElseThrow().id();
		workflow.unpublish(TestArticles.ACTOR, id, null);
		assertThat(jdbc.sql("SELECT actor, action FROM audit_log WHERE article_id = ? ORDER BY id")
			.param(id)
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.list()).containsExactly("bundle-import stored", "test unpublished");
		// Whatever the other tests did (stores, imports, workflow steps), no article
		// lacks an entry
		// and no entry lacks its actor.
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM article a WHERE NOT EXISTS "
					+ "(SELECT 1 FROM audit_log l WHERE l.article_id = a.id)")
			.query(Integer.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE account_id IS NULL AND actor IS NULL")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void foldersAreReadRecursivelyAndAnEmptyOneIsReported() throws IOException {
		Path nested = Files.createDirectories(dir.resolve("2024/june"));
		Files.writeString(nested.resolve("deep.MARKDOWN"), bundle("Found deep down", ""));
		Path empty = Files.createDirectories(dir.resolve("empty"));
		var report = importer.importPaths(SystemActor.BUNDLE_IMPORT, List.of(dir.resolve("2024"), empty));
		assertThat(report.imported()).isEqualTo(1);
		assertThat(report.outcomes()).extracting(o -> o.error())
			.contains(empty + ":0: no bundles (*.md, *.markdown) in this folder or below");
	}

	@Test
	void onlyApprovedCommentsCount() {
		long id = workflow.store(TestArticles.ACTOR, draft("Commented", "Storage I", List.of(), "2024-05-01T00:00:00Z"))
			.id();
		assertThat(comments.thread(id, null, 1, false).items()).isEmpty();
		comments.add(id, "Reader", "First\n\nSecond paragraph", CommentStatus.APPROVED);
		comments.add(id, "Spammer", "Held", CommentStatus.PENDING);
		var thread = comments.thread(id, null, 1, false);
		assertThat(thread.approved()).isEqualTo(1);
		assertThat(comments.approvedCount(id)).isEqualTo(1);
		assertThat(thread.items()).singleElement()
			.satisfies(i -> assertThat(i.paragraphs()).extracting(p -> p.get(0).text())
				.containsExactly("First", "Second paragraph"));
	}

	@Test
	void theChangeLogHoldsEveryChangeOfACommittedTransactionAndNoneOfARolledBackOne() {
		long before = count("SELECT COUNT(*) FROM change_log WHERE subject = 'article'");
		transactions.executeWithoutResult(tx -> {
			for (int i = 0; i < 3; i++) {
				workflow.store(TestArticles.ACTOR,
						draft("Logged " + i, "Storage Log", List.of(), "2024-05-01T00:00:00Z"));
			}
		});
		assertThat(count("SELECT COUNT(*) FROM change_log WHERE subject = 'article'")).isEqualTo(before + 3);
		long committed = count("SELECT COUNT(*) FROM change_log");
		try {
			transactions.executeWithoutResult(tx -> {
				workflow.store(TestArticles.ACTOR,
						draft("Never logged", "Storage Log", List.of(), "2024-05-01T00:00:00Z"));
				throw new IllegalStateException("roll back");
			});
		}
		catch (IllegalStateException expected) {
			// rolled back
		}
		assertThat(count("SELECT COUNT(*) FROM change_log")).isEqualTo(committed);
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void restoredCommentsKeepTheirThreadsAndRestoringAgainChangesNothing() {
		long id = workflow.store(TestArticles.ACTOR, draft("Threads", "Storage T", List.of(), "2024-05-01T00:00:00Z"))
			.id();
		for (int round = 0; round < 2; round++) {
			Instant at = Instant.parse("2024-05-02T00:00:00Z");
			assertThat(comments.restore(new ImportedComment(id, "test#1", null, "Ana", "ana@example.com", null, "Top",
					CommentStatus.APPROVED, at)))
				.isEqualTo(round == 0 ? Comments.Restored.CREATED : Comments.Restored.UNCHANGED);
			comments.restore(new ImportedComment(id, "test#2", "test#1", "Ben", null, "https://ben.example", "Reply",
					CommentStatus.APPROVED, at.plusSeconds(60)));
			comments.restore(new ImportedComment(id, "test#3", "test#2", "Cy", null, null, "Deeper",
					CommentStatus.APPROVED, at.plusSeconds(120)));
			comments.restore(new ImportedComment(id, "test#4", null, "Spam", null, null, "Buy", CommentStatus.SPAM,
					at.plusSeconds(180)));
		}
		assertThat(comments.all(id)).hasSize(4);
		assertThat(comments.all(id)).extracting(Comment::authorUrl).contains("https://ben.example");
		assertThat(comments.all(id)).filteredOn(c -> c.authorName().equals("Ana"))
			.singleElement()
			.satisfies(c -> assertThat(c.parentId()).isNull());
		var items = comments.thread(id, null, 1, false).items();
		assertThat(items).extracting(i -> i.comment().authorName() + "@" + i.depth())
			.containsExactly("Ana@0", "Ben@1", "Cy@2");
		assertThat(items.get(2).replyTo().authorName()).isEqualTo("Ben");
		assertThat(comments.restore(new ImportedComment(id, "test#4", null, "Spam", null, null, "Buy",
				CommentStatus.REJECTED, Instant.parse("2024-05-02T00:03:00Z"))))
			.isEqualTo(Comments.Restored.UPDATED);
		comments.restore(new ImportedComment(id, "test#6", null, "Url", null, "javascript:alert(1)", "Z",
				CommentStatus.APPROVED, Instant.now()));
		assertThat(comments.all(id)).filteredOn(c -> c.body().equals("Z"))
			.singleElement()
			.satisfies(c -> assertThat(c.authorUrl()).isNull());
		assertThatThrownBy(() -> comments.restore(new ImportedComment(id, "test#5", "missing", "X", null, null, "Y",
				CommentStatus.APPROVED, Instant.now())))
			.hasMessageStartingWith("parent:");
	}

	@Test
	void closingCommentsIsIdempotentAndReversible() {
		long id = workflow.store(TestArticles.ACTOR, draft("Closable", "Storage C", List.of(), "2024-05-01T00:00:00Z"))
			.id();
		Instant published = Instant.now();
		assertThat(comments.isOpen(id, published)).isTrue();
		comments.close(id);
		comments.close(id);
		assertThat(comments.isOpen(id, published)).isFalse();
		comments.reopen(id);
		assertThat(comments.isOpen(id, published)).isTrue();
	}

	@Test
	void aReaderLikesAnArticleOnce() {
		long id = workflow.store(TestArticles.ACTOR, draft("Likeable", "Storage L", List.of(), "2024-05-01T00:00:00Z"))
			.id();
		String reader = Likes.newReader();
		assertThat(likes.like(id, reader, "192.0.2.1")).isEqualTo(new Likes.State(1, true));
		assertThat(likes.like(id, reader, "192.0.2.1")).isEqualTo(new Likes.State(1, true));
		assertThat(likes.like(id, Likes.newReader(), "192.0.2.2")).isEqualTo(new Likes.State(2, true));
		assertThat(likes.state(id, null)).isEqualTo(new Likes.State(2, false));
		assertThat(likes.state(id, Likes.newReader()).liked()).isFalse();
	}

	@Test
	void aMalformedBundleLeavesTheDatabaseUnchangedAndTheOthersImport() throws IOException {
		Path good = Files.writeString(dir.resolve("a-good.md"), bundle("Good bundle", "tags: [Import tag]"));
		Path bad = Files.writeString(dir.resolve("b-bad.md"), bundle("Bad bundle", "published: not-a-date"));
		Path badImage = Files.writeString(dir.resolve("c-bad-image.md"),
				bundle("Bad image", "image:\n  file: fake.jpg\n  alt: Fake"));
		Files.writeString(dir.resolve("fake.jpg"), "<svg onload=alert(1)>");
		Map<String, Integer> before = counts();

		var report = importer.importPaths(SystemActor.BUNDLE_IMPORT, List.of(dir));

		assertThat(report.imported()).isEqualTo(1);
		assertThat(report.outcomes()).extracting(o -> o.error())
			.containsExactly(null, bad
					+ ":5: published: must be a date and time with offset, e.g. 2019-04-25T08:00:00+07:00, not 'not-a-date'",
					badImage + ":7: image.file: fake.jpg is not a JPEG, PNG, GIF or WebP image");
		Map<String, Integer> after = counts();
		assertThat(after.get("article")).isEqualTo(before.get("article") + 1);
		assertThat(after.get("image")).isEqualTo(before.get("image"));
		assertThat(published.published("imports", "bad-bundle")).isEmpty();
		assertThat(published.published("imports", "good-bundle")).isPresent();
		assertThat(good).exists();
	}

	@Test
	void reimportingUpdatesInPlace() throws IOException {
		Path file = Files.writeString(dir.resolve("again.md"), bundle("Imported twice", "summary: First"));
		var first = importer.importPaths(SystemActor.BUNDLE_IMPORT, List.of(file)).outcomes().get(0);
		Map<String, Integer> before = counts();
		Files.writeString(file, bundle("Imported twice", "summary: Second"));
		var second = importer.importPaths(SystemActor.BUNDLE_IMPORT, List.of(file)).outcomes().get(0);
		assertThat(first.created()).isTrue();
		assertThat(second.created()).isFalse();
		assertThat(second.path()).isEqualTo(first.path());
		assertThat(counts()).isEqualTo(before);
		assertThat(published.published("imports", "imported-twice").orElseThrow().summary()).isEqualTo("Second");
	}

	@Test
	void aRolledBackImageLeavesNoFile() throws IOException {
		Path jpeg = jpeg("rollback.jpg");
		// The author name has no letters: the article fails after its image was stored.
		Path file = Files.writeString(dir.resolve("rollback.md"), """
				---
				title: Image then failure
				section: Imports
				authors: ["!!!"]
				published: 2024-01-01T00:00:00Z
				image:
				  file: rollback.jpg
				  alt: A picture
				---
				Body
				""");
		Map<String, Integer> before = counts();
		var outcome = importer.importPaths(SystemActor.BUNDLE_IMPORT, List.of(file)).outcomes().get(0);
		assertThat(outcome.failed()).isTrue();
		assertThat(counts()).isEqualTo(before);
		String hash = sha256(jpeg);
		try (Stream<Path> files = Files.walk(data.resolve("media"))) {
			assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
				.noneMatch(name -> name.startsWith(hash));
		}
	}

	@Test
	void mediaRefusesNonImages() throws IOException {
		Path empty = Files.createFile(dir.resolve("empty.png"));
		assertThatThrownBy(() -> media.store(empty, "a", null, null)).isInstanceOf(InvalidImageException.class)
			.hasMessageContaining("empty");
		Path text = Files.writeString(dir.resolve("text.jpg"), "not an image");
		assertThatThrownBy(() -> media.store(text, "a", null, null)).isInstanceOf(InvalidImageException.class);
		// A PNG signature and header chunk, and no image data.
		byte[] full = Files.readAllBytes(png("whole.png"));
		Path headerOnly = Files.write(dir.resolve("header-only.png"), Arrays.copyOf(full, 33));
		assertThatThrownBy(() -> media.store(headerOnly, "a", null, null)).isInstanceOf(InvalidImageException.class)
			.hasMessageContaining("damaged or incomplete");
	}

	private Map<String, Integer> counts() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String table : TABLES) {
			counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single());
		}
		return counts;
	}

	private static ArticleDraft draft(String title, String section, List<String> tags, String published) {
		return new ArticleDraft(null, title, section, List.of(AuthorProfile.named("Staff Writer")),
				"Summary of " + title, "Body of " + title, null, tags, null,
				published == null ? ArticleStatus.DRAFT : ArticleStatus.PUBLISHED,
				published == null ? null : at(published), null, null);
	}

	private static String bundle(String title, String extra) {
		return "---\ntitle: " + title + "\nsection: Imports\nauthors: [Staff Writer]\n"
				+ (extra.startsWith("published") ? "" : "published: 2024-01-01T00:00:00Z\n") + extra
				+ "\n---\n\nBody\n";
	}

	private static Instant at(String instant) {
		return Instant.parse(instant);
	}

	private Path jpeg(String name) throws IOException {
		var image = new BufferedImage(64, 36, BufferedImage.TYPE_INT_RGB);
		// Different bytes every time, so that no two tests share an image by accident.
		var graphics = image.createGraphics();
		graphics.setColor(new Color(ThreadLocalRandom.current().nextInt(0xFFFFFF)));
		graphics.fillRect(0, 0, 64, 36);
		graphics.setColor(new Color(ThreadLocalRandom.current().nextInt(0xFFFFFF)));
		graphics.fillRect(0, 0, ThreadLocalRandom.current().nextInt(1, 64), 18);
		graphics.dispose();
		Path file = dir.resolve(name);
		ImageIO.write(image, "jpg", file.toFile());
		return file;
	}

	private Path png(String name) throws IOException {
		var image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		Path file = dir.resolve(name);
		ImageIO.write(image, "png", file.toFile());
		return file;
	}

	private static String sha256(Path file) throws IOException {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
