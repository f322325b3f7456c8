package org.broadsheet.interchange.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.broadsheet.interchange.wordpress.WordPressReport.Kind;
import org.broadsheet.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Exports that are not well-formed XML, against a real database (subclasses bind it to
 * SQLite and PostgreSQL): what WordPress's own importer reads is repaired and reported;
 * what it cannot read is refused with nothing imported. Also the WordPress Importer
 * plugin's test fixtures ({@code wxr-fixtures/wordpress-importer} of the corpus), with
 * the expectations of its {@code phpunit/tests/import.php} and {@code parser.php} where
 * Broadsheet has the same things. Several fixtures share a site address and post ids, so
 * each test looks at the rows of its own import keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class WordPressRepairContract {

	static final ImportProgress NO_PROGRESS = (phase, done, total) -> {
	};

	@Autowired
	WordPressImporter importer;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	/** A plugin's export: raw {@code &} in URLs, HTML entities, control characters. */
	static final String LENIENT = """
			<?xml version="1.0" encoding="UTF-8"?>
			<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/">
			<channel><link>https://%1$s</link><wp:wxr_version>1.2</wp:wxr_version>
			<wp:author><wp:author_login>ann</wp:author_login><wp:author_display_name>Ann Lenient</wp:author_display_name></wp:author>
			<item><title>Fish&nbsp;&amp; chips&mdash;tonight</title>
			<link>https://%1$s/?p=1&utm_source=feed</link>
			<dc:creator>ann</dc:creator><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
			<wp:post_date_gmt>2021-05-06 07:08:09</wp:post_date_gmt><category domain="post_tag" nicename="%1$s"><![CDATA[%1$s]]></category>
			<excerpt:encoded>A&nbsp;standfirst\001 here</excerpt:encoded>
			<content:encoded><![CDATA[<p>Body &nbsp; text\002</p>]]></content:encoded></item>
			<item><title>Photo</title><wp:post_id>2</wp:post_id><wp:post_type>attachment</wp:post_type><wp:post_parent>1</wp:post_parent><wp:status>inherit</wp:status>
			<wp:attachment_url>https://images.example/photo.jpg?a=1&ixid=M3w</wp:attachment_url></item>
			</channel></rss>
			""";

	@Test
	void whatWordPressReadsIsRepairedImportedAndReportedWithItsLine() throws IOException {
		Path file = Files.writeString(dir.resolve("lenient.xml"), LENIENT.formatted("lenient.example"));
		var report = importer.importFile(file, WordPressImporter.Options.defaults(), NO_PROGRESS);

		assertThat(report.tally(Kind.POST).imported()).isEqualTo(1);
		assertThat(report.tally(Kind.ATTACHMENT).imported()).isEqualTo(1);
		assertThat(report.repairs()).containsExactly("line 5, column 18: HTML entity &nbsp; → U+00A0",
				"line 5, column 35: HTML entity &mdash; → U+2014",
				"line 6, column 35: & not starting a reference → &amp;",
				"line 9, column 19: HTML entity &nbsp; → U+00A0",
				"line 9, column 35: control character U+0001 left out",
				"line 10, column 46: control character U+0002 left out",
				"line 12, column 56: & not starting a reference → &amp;");
		assertThat(report.repairCount()).isEqualTo(7);
		var printed = new StringWriter();
		report.print(new PrintWriter(printed));
		assertThat(printed.toString()).contains("XML repaired in 7 places",
				"  line 6, column 35: & not starting a reference → &amp;");

		var article = jdbc.sql("SELECT title, summary, body_html FROM article WHERE import_key = ?")
			.param("wxr:https://lenient.example#1")
			.query()
			.singleRow();
		assertThat(article.get("title")).isEqualTo("Fish\u00a0& chips\u2014tonight");
		assertThat(article.get("summary")).isEqualTo("A\u00a0standfirst here");
		assertThat((String) article.get("body_html")).contains("Body").doesNotContain("\u0002");
		assertThat(jdbc.sql("SELECT url FROM wordpress_attachment WHERE import_key = ?")
			.param("wxr:https://lenient.example#2")
			.query(String.class)
			.single()).isEqualTo("https://images.example/photo.jpg?a=1&ixid=M3w");
		try (var reader = new WxrReader(file)) {
			reader.next();
			assertThat(((Wxr.Item) reader.next()).link()).isEqualTo("https://lenient.example/?p=1&utm_source=feed");
		}
	}

	@Test
	void theReportListsTheFirstRepairsAndCountsTheRest() throws IOException {
		StringBuilder items = new StringBuilder();
		for (int i = 1; i <= 150; i++) {
			items.append("<item><title>Many &amp &nbsp; ")
				.append(i)
				.append("</title><wp:post_id>")
				.append(i)
				.append("</wp:post_id><wp:post_type>post</wp:post_type><wp:status>draft</wp:status></item>\n");
		}
		Path file = Files.writeString(dir.resolve("many.xml"), """
				<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><link>https://many.example</link>
				%s</channel></rss>""".formatted(items));
		var report = importer.importFile(file, WordPressImporter.Options.defaults(), NO_PROGRESS);
		assertThat(report.tally(Kind.POST).imported()).isEqualTo(150);
		assertThat(report.repairCount()).isEqualTo(300);
		assertThat(report.repairs()).hasSize(WordPressReport.MAX_REPAIRS)
			.startsWith("line 2, column 19: & not starting a reference → &amp;",
					"line 2, column 24: HTML entity &nbsp; → U+00A0");
		assertThat(jdbc.sql("SELECT title FROM article WHERE import_key = ?")
			.param("wxr:https://many.example#150")
			.query(String.class)
			.single()).isEqualTo("Many & \u00a0 150"); // a title is HTML: &amp without ;
														// is & there too
	}

	@Test
	void aTruncatedFileIsRefusedWithNothingImported() throws IOException {
		String whole = LENIENT.formatted("truncated.example");
		Path cut = Files.writeString(dir.resolve("cut.xml"), whole.substring(0, whole.indexOf("<item><title>Photo")));
		Path unclosed = Files.writeString(dir.resolve("unclosed.xml"), whole.replace("</channel></rss>", ""));
		for (Path file : List.of(cut, unclosed)) {
			Map<String, Integer> before = counts();
			assertThatThrownBy(() -> importer.importFile(file, WordPressImporter.Options.defaults(), NO_PROGRESS))
				.isInstanceOf(WxrException.class)
				.hasMessageMatching("\\Q" + file + "\\E:1[1-4]:\\d+: the file is cut short \\(truncated\\?\\): "
						+ "it ends before its elements are closed, </channel></rss> expected");
			assertThat(counts()).isEqualTo(before);
		}
	}

	@Test
	void aStructurallyBrokenFileIsRefusedNamingTheLineWithNothingImported() throws IOException {
		Path file = Files.writeString(dir.resolve("broken.xml"),
				LENIENT.formatted("broken.example").replace("]]></content:encoded></item>", "]]></content></item>"));
		Map<String, Integer> before = counts();
		assertThatThrownBy(() -> importer.importFile(file, WordPressImporter.Options.defaults(), NO_PROGRESS))
			.isInstanceOf(WxrException.class)
			.hasMessageStartingWith(file + ":10:")
			.hasMessageContaining("content:encoded");
		assertThat(counts()).isEqualTo(before);
	}

	/**
	 * {@code malformed.xml}: WordPress's XML parsers refuse it ("There was an error when
	 * reading this WXR file") and its regex fallback finds no valid WXR version;
	 * Broadsheet refuses it too, naming the line of its {@code <notachanneltag>}.
	 */
	@Test
	void theImportersMalformedFixtureIsRefusedWithNothingImported() {
		Path file = fixture("malformed.xml");
		Map<String, Integer> before = counts();
		assertThatThrownBy(() -> importer.importFile(file, WordPressImporter.Options.defaults(), NO_PROGRESS))
			.isInstanceOf(WxrException.class)
			.hasMessage(file + ":27: not a WordPress export: <rss><channel> expected, found <notachanneltag>");
		assertThat(counts()).isEqualTo(before);
	}

	/**
	 * {@code test_small_import}: 3 authors, 30 categories and 3 tags; posts 5 published
	 * and 1 private, pages 4 published and 1 draft; 1 comment; titles, authors and
	 * categories of each.
	 */
	@Test
	void theImportersSmallExportImportsAsWordPressImportsIt() {
		var report = importFixture("small-export.xml");
		assertThat(report.tally(Kind.AUTHOR).found()).isEqualTo(3);
		assertThat(report.tally(Kind.CATEGORY).found()).isEqualTo(30);
		assertThat(report.tally(Kind.TAG).found()).isEqualTo(3);
		assertThat(report.tally(Kind.POST).imported()).isEqualTo(6);
		assertThat(report.tally(Kind.PAGE).imported()).isEqualTo(5);
		assertThat(report.tally(Kind.COMMENT).imported()).isEqualTo(1);
		assertThat(report.repairCount()).isZero();
		assertThat(jdbc
			.sql("SELECT login || '|' || email FROM author WHERE login IN ('admin', 'editor', 'author') "
					+ "ORDER BY login")
			.query(String.class)
			.list()).containsExactly("admin|local@host.null", "author|author@example.org", "editor|editor@example.org");
		String localhost = "wxr:http://localhost/#";
		assertThat(articleLine(localhost + "1")).isEqualTo("Hello world!|published|author|Uncategorized");
		assertThat(articleLine(localhost + "13")).isEqualTo("Private Post|unpublished|admin|Uncategorized");
		assertThat(articleLine(localhost + "15")).isEqualTo("Foo-child|published|editor|Bar");
		assertThat(articleLine(localhost + "17")).isEqualTo("Top-level Foo|published|admin|Foo");
		assertThat(articleLine(localhost + "19")).isEqualTo("Non-standard post format|published|admin|Uncategorized");
		assertThat(articleLine(localhost + "22")).isEqualTo("Many Categories|published|admin|alpha");
		assertThat(tagsOf(localhost + "13")).containsExactly("Tag1", "Tag2", "Tag3");
		assertThat(tagsOf(localhost + "15")).containsExactly("Foo");
		// 27 categories: the first is its section, the 26 others are tags.
		assertThat(tagsOf(localhost + "22")).hasSize(26).contains("BETA", "远征手记");
		assertThat(
				jdbc.sql("SELECT title || '|' || status FROM page WHERE import_key IN (?, ?, ?, ?, ?) ORDER BY title")
					.params(localhost + "2", localhost + "4", localhost + "6", localhost + "9", localhost + "11")
					.query(String.class)
					.list())
			.containsExactly("1-col page|published", "Child Page|published", "Draft Page|draft",
					"Parent Page|published", "Sample Page|published");
	}

	/** {@code test_slashes_should_not_be_stripped}. */
	@Test
	void theImportersSlashesAreKept() {
		var report = importFixture("slashes.xml");
		assertThat(report.tally(Kind.POST).imported()).isEqualTo(1);
		// dc:creator "author" is not among the file's authors (only "admin"): credited to
		// a new author of that name, never to someone else.
		assertThat(articleLine("wxr:http://localhost/#1"))
			.isEqualTo("Hello world!|published|author|a \\\"great\\\" category");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM tag WHERE name = ?").param("foo\\'bar").query(Integer.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("SELECT body_html FROM article WHERE import_key = 'wxr:http://localhost/#1'")
			.query(String.class)
			.single()).contains("Slashes aren\\'t \\\"cool\\\"");
		assertThat(jdbc
			.sql("SELECT c.body FROM comment c JOIN article a ON a.id = c.article_id "
					+ "WHERE a.import_key = 'wxr:http://localhost/#1'")
			.query(String.class)
			.list()).containsExactly("\\o/ ¯\\_(ツ)_/¯");
	}

	/**
	 * {@code test_escaped_cdata_closing_sequence} and
	 * {@code test_unescaped_cdata_closing_sequence}: the escaped file is well-formed; the
	 * other has {@code ]]>} inside CDATA, which WordPress's regex parser reads as text,
	 * and so does the repair.
	 */
	@Test
	void theImportersCrazyCdataIsReadAsWordPressReadsIt() {
		for (String name : List.of("crazy-cdata-escaped.xml", "crazy-cdata.xml")) {
			var report = importFixture(name);
			assertThat(report.tally(Kind.POST).imported()).as(name).isEqualTo(1);
			try (var reader = new WxrReader(fixture(name))) {
				assertThat(((Wxr.Item) reader.next()).content()).as(name)
					.isEqualTo("Content with nested <![CDATA[ tags ]]> :)");
			}
			// As in a browser, HTML reads <![CDATA[ … ]]> as a comment. No
			// wp:base_blog_url
			// nor <link>: the file's name stands for the site.
			assertThat(jdbc.sql("SELECT body_html FROM article WHERE import_key = ?")
				.param("wxr:" + name + "#1")
				.query(String.class)
				.single()).as(name).isEqualTo("<p>Content with nested  :)</p>\n");
			assertThat(report.repairCount()).as(name).isEqualTo(name.equals("crazy-cdata.xml") ? 3 : 0);
		}
	}

	/**
	 * {@code test_wxr_version_1_0} and {@code _1_1}: posts, pages, the author, the
	 * categories and the tags ({@code domain="tag"} in WXR 1.0).
	 */
	@Test
	void theImportersValidExportsOfBothVersionsImport() {
		var v11 = importFixture("valid-wxr-1.1.xml");
		assertThat(v11.tally(Kind.POST).imported()).isEqualTo(1);
		assertThat(v11.tally(Kind.PAGE).imported()).isEqualTo(1);
		assertThat(
				jdbc.sql("SELECT name || '|' || email FROM author WHERE login = 'john'").query(String.class).single())
			.isEqualTo("John Doe|johndoe@example.org");
		assertThat(articleLine("wxr:http://localhost/#1")).isEqualTo("Hello world!|published|john|alpha");
		assertThat(tagsOf("wxr:http://localhost/#1")).containsExactly("Clippable");

		var v10 = importFixture("valid-wxr-1.0.xml");
		assertThat(v10.tally(Kind.POST).imported()).isEqualTo(3);
		assertThat(v10.tally(Kind.PAGE).imported()).isEqualTo(3);
		// WXR 1.0 lists no authors: who is credited is another matter than reading the
		// file
		assertThat(articleLine("wxr:http://localhost/#1")).startsWith("Hello world!|published|")
			.endsWith("|Uncategorized");
		assertThat(articleLine("wxr:http://localhost/#4")).startsWith("Alpha post|published|").endsWith("|alpha");
		assertThat(tagsOf("wxr:http://localhost/#4")).containsExactly("news", "roar");
		// a tag keeps the spelling it was first stored with (another test's "CHILD")
		assertThat(tagsOf("wxr:http://localhost/#6")).map(tag -> tag.toLowerCase(Locale.ROOT))
			.containsExactly("chicken", "child", "face");
	}

	/**
	 * {@code test_blank_lines_in_content}, {@code testMultilineAuthorBlocksAreParsed},
	 * the serialized postmeta and the UTF-8 challenges: each imports its one post.
	 */
	@Test
	void theImportersOtherFixturesImport() {
		var blank = importFixture("post-content-blank-lines.xml");
		assertThat(blank.tally(Kind.POST).imported()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT body_html FROM article WHERE import_key = 'wxr:http://localhost/#1'")
			.query(String.class)
			.single()).startsWith("<p>This is an example of a WordPress post.<br>")
			.endsWith("<p>And more lines with text.</p>\n");

		var multiline = importFixture("authors-multiline.xml");
		assertThat(multiline.tally(Kind.AUTHOR).imported()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT login FROM author WHERE login IN ('alice', 'bob', 'carol') ORDER BY login")
			.query(String.class)
			.list()).containsExactly("alice", "bob", "carol");

		var meta = importFixture("test-serialized-postmeta-with-cdata.xml");
		assertThat(meta.tally(Kind.POST).imported()).isEqualTo(1);
		assertThat(articleLine("wxr:http://test.wordpress.org/#10")).startsWith("My Entry with Postmeta|draft|");

		var utf8 = importFixture("wxr-utf-8-challenges.xml");
		assertThat(utf8.tally(Kind.POST).imported()).isEqualTo(1);
		assertThat(utf8.tally(Kind.AUTHOR).imported()).isEqualTo(1);
		assertThat(utf8.repairCount()).isZero();
		assertThat(jdbc.sql("SELECT title FROM article WHERE import_key = 'wxr:https://playground.internal/path#10'")
			.query(String.class)
			.single()).startsWith("\"The Road \u202eNot\u202c Taken\" by Rob");
	}

	/**
	 * {@code missing-version-tag.xml}: WordPress refuses an export without
	 * {@code wp:wxr_version}; Broadsheet knows an export by its {@code wp:} elements and
	 * imports its author and terms (hand-written exports seldom carry the version).
	 */
	@Test
	void anExportWithoutItsVersionIsReadByItsWordPressElements() {
		var report = importFixture("missing-version-tag.xml");
		assertThat(report.tally(Kind.AUTHOR).found()).isEqualTo(1);
		assertThat(report.tally(Kind.CATEGORY).found()).isEqualTo(21);
		assertThat(report.tally(Kind.TAG).found()).isEqualTo(18);
	}

	private static Path fixture(String name) {
		return Corpus.require("wxr-fixtures/wordpress-importer/" + name);
	}

	private WordPressReport importFixture(String name) {
		return importer.importFile(fixture(name), WordPressImporter.Options.defaults(), NO_PROGRESS);
	}

	/** Title, status, first author's login (else name) and section of an article. */
	private String articleLine(String importKey) {
		return jdbc.sql("""
				SELECT a.title || '|' || a.status || '|' || COALESCE(au.login, au.name) || '|' || s.name
				FROM article a JOIN section s ON s.id = a.section_id
				JOIN article_author j ON j.article_id = a.id AND j.position = 0 JOIN author au ON au.id = j.author_id
				WHERE a.import_key = ?""").param(importKey).query(String.class).single();
	}

	private List<String> tagsOf(String importKey) {
		return jdbc.sql("""
				SELECT t.name FROM article a JOIN article_tag j ON j.article_id = a.id JOIN tag t ON t.id = j.tag_id
				WHERE a.import_key = ? ORDER BY j.position""").param(importKey).query(String.class).list();
	}

	/** Rows of what an import writes: nothing of a refused file may show here. */
	private Map<String, Integer> counts() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String table : List.of("article", "author", "tag", "section", "comment", "page", "wordpress_attachment")) {
			counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single());
		}
		return counts;
	}

}
