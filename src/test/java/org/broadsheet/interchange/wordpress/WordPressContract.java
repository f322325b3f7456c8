package org.broadsheet.interchange.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.broadsheet.BroadsheetApplication;
import org.broadsheet.interchange.wordpress.WordPressReport.Kind;
import org.broadsheet.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * WordPress import and export against a real database; subclasses bind it to SQLite and
 * PostgreSQL. The tests share one database: each imports the theme unit test data first,
 * which is idempotent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class WordPressContract {

	/** Every table an import writes to. */
	static final List<String> TABLES = List.of("section", "tag", "author", "image", "article", "article_author",
			"article_tag", "article_redirect", "article_revision", "audit_log", "change_log", "comment",
			"comments_closed", "wordpress_attachment", "page", "page_redirect");

	@Autowired
	WordPressImporter importer;

	@Autowired
	WordPressExporter exporter;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	/**
	 * @return Spring options for a second, empty database of the same kind
	 */
	static final ImportProgress NO_PROGRESS = (phase, done, total) -> {
	};

	/**
	 * @return Spring options giving an application this test starts a new, empty database
	 */
	abstract List<String> emptyDatabaseOptions();

	static Path themeData() {
		return Corpus.require("wxr/themeunittestdata.wordpress.xml");
	}

	WordPressReport importTheme() {
		return importer.importFile(themeData(), WordPressImporter.Options.defaults(), NO_PROGRESS);
	}

	@Test
	void theThemeUnitTestDataIsAccountedFor() {
		var report = importTheme();
		// SUMMARY.md of the corpus: 58 posts, 21 pages, 37 attachments, 70 menu items, 2
		// authors,
		// 68 categories, 110 tags, 33 comments (2 trackbacks and 2 pingbacks among them).
		assertCounted(report.tally(Kind.POST), 58);
		assertCounted(report.tally(Kind.PAGE), 21);
		assertCounted(report.tally(Kind.ATTACHMENT), 37);
		assertCounted(report.tally(Kind.OTHER_ITEM), 70);
		assertCounted(report.tally(Kind.AUTHOR), 2);
		assertCounted(report.tally(Kind.CATEGORY), 68);
		assertCounted(report.tally(Kind.TAG), 110);
		assertCounted(report.tally(Kind.COMMENT), 33);
		assertThat(report.tally(Kind.POST).skippedCount()).isZero();
		assertThat(report.tally(Kind.PAGE).skippedCount()).isZero();
		assertThat(report.tally(Kind.OTHER_ITEM).skippedCount()).isEqualTo(70);
		assertThat(report.tally(Kind.COMMENT).skipped())
			.containsEntry("trackback: Broadsheet keeps readers' comments, not linkbacks", 2)
			.containsEntry("pingback: Broadsheet keeps readers' comments, not linkbacks", 2);
		// Pages are static pages, without comments: 5 of the 33 were on pages.
		assertThat(report.tally(Kind.COMMENT).skipped()).containsEntry("on a page: pages have no comments", 5);
		assertThat(report.tally(Kind.COMMENT).imported()).isEqualTo(24);
		assertThat(report.shortcodes()).containsKeys("gallery", "audio", "simple");
		// ">themereviewteam" is read as WordPress's importer reads logins: never credited
		// to someone else.
		assertThat(report.notes()).anyMatch(n -> n.contains("'>themereviewteam' read as 'themereviewteam'"))
			.noneMatch(n -> n.contains("credited to Theme Buster"));
		assertThat(jdbc.sql("""
				SELECT au.name FROM article a JOIN article_author j ON j.article_id = a.id
				JOIN author au ON au.id = j.author_id WHERE a.title = 'Block category: Common'""")
			.query(String.class)
			.list()).containsExactly("Theme Reviewer");

		assertThat(count(
				"SELECT COUNT(*) FROM article WHERE import_key LIKE 'wxr:https://wpthemetestdata.wordpress.com#%'"))
			.isEqualTo(58);
		assertThat(
				count("SELECT COUNT(*) FROM page WHERE import_key LIKE 'wxr:https://wpthemetestdata.wordpress.com#%'"))
			.isEqualTo(21);
		assertThat(status("Scheduled")).isEqualTo("scheduled");
		assertThat(status("Draft")).isEqualTo("draft");
		assertThat(status("Template: Password Protected (the password is \"enter\")")).isEqualTo("unpublished");
		assertThat(count("SELECT COUNT(*) FROM article WHERE sticky = TRUE")).isEqualTo(1);
		assertThat(jdbc.sql("SELECT go_live_at FROM article WHERE title = 'Scheduled'").query(Long.class).single())
			.isEqualTo(Instant.parse("2030-01-01T19:00:18Z").toEpochMilli());
		// Authors with login and email; the hierarchy's roots are sections, children
		// tags.
		assertThat(jdbc
			.sql("SELECT name || '|' || login || '|' || email FROM author WHERE login IS NOT NULL ORDER BY login")
			.query(String.class)
			.list()).containsExactly("Theme Buster|themedemos|themeshaperwp+demos@gmail.com",
					"Theme Reviewer|themereviewteam|themereviewteam@gmail.com");
		// Top-level categories with articles are sections; the others are reported, not
		// made empty sections.
		assertThat(count("SELECT COUNT(*) FROM section WHERE name = 'Uncategorized'")).isEqualTo(1);
		assertThat(count(
				"SELECT COUNT(*) FROM section s WHERE NOT EXISTS (SELECT 1 FROM article a WHERE a.section_id = s.id)"))
			.isZero();
		assertThat(report.tally(Kind.CATEGORY).skipped())
			.containsKey("top-level category without articles: no empty section made");
		assertThat(count("SELECT COUNT(*) FROM tag WHERE name = 'Grandchild Category'")).isEqualTo(1);
		// Threads ten deep, statuses kept.
		assertThat(depthOf("Comment Depth 10\n\nAlso an author comment.")).isEqualTo(9);
		assertThat(count(
				"SELECT COUNT(*) FROM comment WHERE status = 'pending' AND import_key LIKE 'wxr:https://wpthemetestdata%'"))
			.isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM comments_closed c JOIN article a ON a.id = c.article_id "
				+ "WHERE a.title = 'Template: Comments Disabled'"))
			.isEqualTo(1);
		// _wp_old_slug "8-2" answers with a redirect; [caption] became a figure.
		assertThat(count("SELECT COUNT(*) FROM article_redirect WHERE slug = '8-2'")).isEqualTo(1);
		assertThat(jdbc.sql("SELECT body_html FROM article WHERE title = 'Markup: Image Alignment'")
			.query(String.class)
			.single()).contains("<figure>", "<figcaption>").doesNotContain("[caption");
		// Greek slugs are stored decoded (percent-encoded only on the wire).
		assertThat(count("SELECT COUNT(*) FROM page WHERE slug = 'επίπεδο-2'")).isEqualTo(1);
	}

	@Test
	void importingTwiceChangesNothing() {
		importTheme();
		Map<String, List<Map<String, Object>>> before = rows();
		var again = importTheme();
		assertThat(rows()).isEqualTo(before);
		assertThat(again.tally(Kind.POST).unchanged()).isEqualTo(58);
		assertThat(again.tally(Kind.PAGE).unchanged()).isEqualTo(21);
		// The report says so too: nothing new, nothing updated, of any kind.
		for (Kind kind : Kind.values()) {
			assertThat(again.tally(kind).created()).as(kind.label()).isZero();
			assertThat(again.tally(kind).updated()).as(kind.label()).isZero();
		}
		assertThat(again.tally(Kind.COMMENT).unchanged()).isEqualTo(24);
		assertThat(again.tally(Kind.ATTACHMENT).unchanged()).isEqualTo(37);
	}

	@Test
	void aFileInTheUploadsFolderThatIsNotAnImageIsReportedAndTheRestImports() throws IOException {
		int imagesBefore = count("SELECT COUNT(*) FROM image");
		Path uploads = Files.createDirectories(dir.resolve("uploads"));
		Files.writeString(uploads.resolve("canola2.jpg"), "not a picture");
		var report = importer.importFile(themeData(), new WordPressImporter.Options(uploads, "Uncategorized"),
				NO_PROGRESS);
		assertThat(report.tally(Kind.POST).imported()).isEqualTo(58);
		assertThat(report.notes()).anyMatch(n -> n.contains("canola2.jpg is not a JPEG, PNG, GIF or WebP image"));
		assertThat(count("SELECT COUNT(*) FROM image")).isEqualTo(imagesBefore);
	}

	@Test
	void aLeadImageSharedByTwoPostsSurvivesExportAndImportThroughTheMediaFolder() throws IOException {
		Path uploads = Files.createDirectories(dir.resolve("wp-uploads/2020/01"));
		var picture = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		ImageIO.write(picture, "png", uploads.resolve("shared.png").toFile());
		String post = """
				<item><title>%1$s</title><wp:post_id>%2$s</wp:post_id><wp:post_type>post</wp:post_type>
				  <wp:status>publish</wp:status><wp:post_date_gmt>2021-03-0%2$s 10:00:00</wp:post_date_gmt>
				  <content:encoded>Body</content:encoded>
				  <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>9</wp:meta_value></wp:postmeta></item>
				""";
		Path file = Files.writeString(dir.resolve("shared.xml"),
				"""
						<?xml version="1.0" encoding="UTF-8"?>
						<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
						<channel><link>https://shared.example</link><wp:wxr_version>1.2</wp:wxr_version>
						%s%s
						<item><title>Shared picture</title><wp:post_id>9</wp:post_id><wp:post_type>attachment</wp:post_type>
						  <wp:post_parent>1</wp:post_parent><wp:status>inherit</wp:status>
						  <wp:attachment_url>https://shared.example/wp-content/uploads/2020/01/shared.png</wp:attachment_url>
						  <wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>2020/01/shared.png</wp:meta_value></wp:postmeta></item>
						</channel></rss>
						"""
					.formatted(post.formatted("First sharer", "1"), post.formatted("Second sharer", "2")));
		String withLeadImages = "SELECT COUNT(*) FROM article WHERE lead_image_id IS NOT NULL";
		Path first = Files.createDirectories(dir.resolve("first"));
		Path exported = dir.resolve("shared-export.xml");
		try (var site = emptySite(first)) {
			site.getBean(WordPressImporter.class)
				.importFile(file, new WordPressImporter.Options(dir.resolve("wp-uploads"), "Uncategorized"),
						NO_PROGRESS);
			assertThat(site.getBean(JdbcClient.class).sql(withLeadImages).query(Integer.class).single()).isEqualTo(2);
			site.getBean(WordPressExporter.class).export(exported, "https://news.example");
		}
		try (var site = emptySite(Files.createDirectories(dir.resolve("second")))) {
			site.getBean(WordPressImporter.class)
				.importFile(exported, new WordPressImporter.Options(first.resolve("media"), "Uncategorized"),
						NO_PROGRESS);
			assertThat(site.getBean(JdbcClient.class).sql(withLeadImages).query(Integer.class).single()).isEqualTo(2);
		}
	}

	/**
	 * The application without a web server on a new, empty database with its data in
	 * {@code data}.
	 */
	private ConfigurableApplicationContext emptySite(Path data) {
		List<String> args = new ArrayList<>(List.of("--broadsheet.data=" + data, "--broadsheet.demo.enabled=false",
				"--broadsheet.search.follow=false", "--spring.main.banner-mode=off"));
		args.addAll(emptyDatabaseOptions());
		return new SpringApplicationBuilder(BroadsheetApplication.class).web(WebApplicationType.NONE)
			.run(args.toArray(String[]::new));
	}

	@Test
	void anRssFeedThatIsNotAnExportIsRefused() throws IOException {
		int articlesBefore = count("SELECT COUNT(*) FROM article");
		Path feed = Files.writeString(dir.resolve("feed.xml"), """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>News</title><item><title>A story</title></item></channel></rss>
				""");
		assertThatThrownBy(() -> importer.importFile(feed, WordPressImporter.Options.defaults(), NO_PROGRESS))
			.isInstanceOf(WxrException.class)
			.hasMessageContaining("not a WordPress export");
		Path doctype = Files.writeString(dir.resolve("doctype.xml"), """
				<?xml version="1.0"?>
				<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
				<rss><channel><title>&e;</title></channel></rss>
				""");
		assertThatThrownBy(() -> importer.importFile(doctype, WordPressImporter.Options.defaults(), NO_PROGRESS))
			.isInstanceOf(WxrException.class)
			.hasMessage(doctype + ":2: a DOCTYPE is not allowed in a WordPress export (WordPress never writes one)");
		assertThat(count("SELECT COUNT(*) FROM article")).isEqualTo(articlesBefore);
	}

	@Test
	void aTruncatedFileIsRefusedAndChangesNothing() throws IOException {
		importTheme();
		byte[] whole = Files.readAllBytes(themeData());
		Path truncated = Files.write(dir.resolve("truncated.xml"), Arrays.copyOf(whole, whole.length * 2 / 3));
		// Cut in the middle: what comes before the cut is new to the database.
		Path renamed = Files.writeString(dir.resolve("renamed.xml"),
				Files.readString(truncated).replace("wpthemetestdata.wordpress.com", "renamed.example"));
		Map<String, List<Map<String, Object>>> before = rows();
		assertThatThrownBy(() -> importer.importFile(renamed, WordPressImporter.Options.defaults(), NO_PROGRESS))
			.isInstanceOf(WxrException.class)
			.hasMessageStartingWith(renamed + ":")
			.hasMessageMatching("(?s).*:\\d+:\\d+: .*");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void aMalformedFileIsRefusedNamingTheLine() throws IOException {
		Path file = Files.writeString(dir.resolve("malformed.xml"), """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">
				<channel>
				<item>
				  <title>Fine</title>
				  <wp:post_type>post</wp:post_type>
				  <wp:status>publish</wp:post_status>
				</item>
				</channel>
				</rss>
				""");
		assertThatThrownBy(() -> importer.importFile(file, WordPressImporter.Options.defaults(), NO_PROGRESS))
			.isInstanceOf(WxrException.class)
			.hasMessageStartingWith(file + ":7:");
		Path notWxr = Files.writeString(dir.resolve("not-wxr.xml"), "<html><body>hello</body></html>");
		assertThatThrownBy(() -> importer.importFile(notWxr, WordPressImporter.Options.defaults(), NO_PROGRESS))
			.isInstanceOf(WxrException.class)
			.hasMessage(notWxr + ":1: not a WordPress export: <rss><channel> expected, found <html>");
	}

	@Test
	void bothNamespaceSpellingsAreRead() throws IOException {
		for (String scheme : List.of("http", "https")) {
			Path file = Files.writeString(dir.resolve(scheme + ".xml"),
					"""
							<?xml version="1.0" encoding="UTF-8"?>
							<rss version="2.0" xmlns:wp="%1$s://wordpress.org/export/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
							     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:excerpt="%1$s://wordpress.org/export/1.1/excerpt/">
							<channel><link>https://%1$s.example</link>
							<wp:author><wp:author_login>ann</wp:author_login><wp:author_display_name>Ann %1$s</wp:author_display_name></wp:author>
							<item><title>Namespace %1$s</title><dc:creator>ann</dc:creator><wp:post_id>1</wp:post_id>
							  <content:encoded>First line
							second line

							    Indented, not code *and not emphasis*</content:encoded>
							  <excerpt:encoded>Stand &amp;amp; first</excerpt:encoded>
							  <wp:post_date_gmt>2020-02-03 04:05:06</wp:post_date_gmt><wp:status>publish</wp:status>
							  <wp:post_type>post</wp:post_type><category domain="category" nicename="ns"><![CDATA[Namespaces]]></category>
							</item></channel></rss>
							"""
						.formatted(scheme));
			var report = importer.importFile(file, WordPressImporter.Options.defaults(), NO_PROGRESS);
			assertThat(report.tally(Kind.POST).created()).isEqualTo(1);
			assertThat(jdbc.sql("SELECT body_html FROM article WHERE title = ?")
				.param("Namespace " + scheme)
				.query(String.class)
				.single())
				.isEqualTo("<p>First line<br>second line</p>\n<p>Indented, not code *and not emphasis*</p>\n");
			assertThat(jdbc.sql("SELECT summary FROM article WHERE title = ?")
				.param("Namespace " + scheme)
				.query(String.class)
				.single()).isEqualTo("Stand & first");
		}
	}

	@Test
	void exportThenImportIntoAnEmptyDatabaseGivesTheSameContent() throws IOException {
		importTheme();
		Path exported = dir.resolve("export.xml");
		int written = exporter.export(exported, "https://news.example");
		assertThat(written).isEqualTo(count("SELECT COUNT(*) FROM article"));
		assertThat(Files.readString(exported, StandardCharsets.UTF_8))
			.contains("xmlns:wp=\"http://wordpress.org/export/1.2/\"");
		Map<String, Object> here = content(jdbc);
		try (var other = emptySite(Files.createDirectories(dir.resolve("empty")))) {
			var report = other.getBean(WordPressImporter.class)
				.importFile(exported, WordPressImporter.Options.defaults(), NO_PROGRESS);
			assertThat(report.tally(Kind.POST).skippedCount()).isZero();
			assertThat(content(other.getBean(JdbcClient.class))).isEqualTo(here);
		}
	}

	/**
	 * Articles, authors, sections, tags and comments as readers and editors see them,
	 * without ids.
	 */
	static Map<String, Object> content(JdbcClient jdbc) {
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("articles", jdbc.sql("""
				SELECT s.slug || '/' || a.slug AS path, a.title, a.summary, a.body_html, a.status, a.published_at,
				  a.sticky, a.go_live_at
				FROM article a JOIN section s ON s.id = a.section_id ORDER BY 1""").query().listOfRows());
		content.put("bylines", jdbc.sql("""
				SELECT s.slug || '/' || a.slug AS path, au.name, au.login, au.email FROM article a
				JOIN section s ON s.id = a.section_id JOIN article_author j ON j.article_id = a.id
				JOIN author au ON au.id = j.author_id ORDER BY 1, j.position""").query().listOfRows());
		content.put("tags", jdbc.sql("""
				SELECT s.slug || '/' || a.slug AS path, t.name, j.position FROM article a
				JOIN section s ON s.id = a.section_id JOIN article_tag j ON j.article_id = a.id
				JOIN tag t ON t.id = j.tag_id ORDER BY 1, 3""").query().listOfRows());
		content.put("sections", jdbc.sql("SELECT slug, name FROM section ORDER BY slug").query().listOfRows());
		content.put("allTags", jdbc.sql("SELECT slug, name FROM tag ORDER BY slug").query().listOfRows());
		content.put("authors",
				jdbc.sql("SELECT slug, name, login, email FROM author ORDER BY slug").query().listOfRows());
		content.put(
				"redirects", jdbc
					.sql("SELECT r.section_slug || '/' || r.slug AS old, a.slug FROM article_redirect r "
							+ "JOIN article a ON a.id = r.article_id ORDER BY 1")
					.query()
					.listOfRows());
		content.put("comments", jdbc.sql("""
				SELECT s.slug || '/' || a.slug AS path, c.author_name, c.author_email, c.author_url, c.body, c.status,
				  c.created_at, p.body AS parent_body
				FROM comment c JOIN article a ON a.id = c.article_id JOIN section s ON s.id = a.section_id
				LEFT JOIN comment p ON p.id = c.parent_id ORDER BY 1, c.created_at, c.body""").query().listOfRows());
		content.put("closed", jdbc
			.sql("SELECT s.slug || '/' || a.slug FROM comments_closed c JOIN article a ON a.id = c.article_id "
					+ "JOIN section s ON s.id = a.section_id ORDER BY 1")
			.query(String.class)
			.list());
		return normalized(content);
	}

	/**
	 * Row values compared as text: the two databases give numbers and booleans different
	 * Java types.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> normalized(Map<String, Object> content) {
		Map<String, Object> out = new LinkedHashMap<>();
		content.forEach((key, value) -> out.put(key,
				((List<Object>) value).stream()
					.map(row -> row instanceof Map<?, ?> map ? new TreeMap<>(map.entrySet()
						.stream()
						.collect(Collectors.toMap(e -> String.valueOf(e.getKey()).toLowerCase(Locale.ROOT),
								e -> text(e.getValue()))))
							: text(row))
					.toList()));
		return out;
	}

	private static String text(Object value) {
		if (value instanceof Boolean b) {
			return b ? "1" : "0";
		}
		return String.valueOf(value);
	}

	Map<String, List<Map<String, Object>>> rows() {
		Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
		for (String table : TABLES) {
			rows.put(table, jdbc.sql("SELECT * FROM " + table + " ORDER BY 1").query().listOfRows());
		}
		return rows;
	}

	private static void assertCounted(WordPressReport.Tally tally, int found) {
		assertThat(tally.found()).isEqualTo(found);
		assertThat(tally.imported() + tally.skippedCount()).isEqualTo(found);
	}

	private int count(String sql) {
		return jdbc.sql(sql).query(Integer.class).single();
	}

	private String status(String title) {
		return jdbc.sql("SELECT status FROM article WHERE title = ?").param(title).query(String.class).single();
	}

	private int depthOf(String body) {
		int depth = 0;
		Long parent = parentOf("body = ?", body);
		while (parent != null) {
			depth++;
			parent = parentOf("id = ?", parent);
		}
		return depth;
	}

	private Long parentOf(String where, Object value) {
		return jdbc.sql("SELECT parent_id FROM comment WHERE " + where).param(value).query((rs, n) -> {
			long id = rs.getLong(1);
			return rs.wasNull() ? null : id;
		}).list().get(0);
	}

}
