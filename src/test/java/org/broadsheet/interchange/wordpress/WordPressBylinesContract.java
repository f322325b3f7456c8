package org.broadsheet.interchange.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
 * Bylines of a WordPress import: Co-Authors Plus co-authors and guest authors in order,
 * and authors the file does not declare, never credited to someone else. Subclasses bind
 * it to SQLite and PostgreSQL; the tests share one database, each with a site of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class WordPressBylinesContract {

	static final ImportProgress NO_PROGRESS = (phase, done, total) -> {
	};

	/** What {@code sanitize_user($login, true)} drops, as the importer reads logins. */
	private static final Pattern NOT_IN_LOGIN = Pattern.compile("[^A-Za-z0-9 _.\\-@]");

	@Autowired
	WordPressImporter importer;

	@Autowired
	WordPressExporter exporter;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	/**
	 * @return Spring options giving an application this test starts a new, empty database
	 */
	abstract List<String> emptyDatabaseOptions();

	/** Three users, a guest author and a post by all four in Co-Authors Plus's order. */
	static final String CO_AUTHORS = """
			<wp:author><wp:author_login>alice</wp:author_login><wp:author_email>alice@port.example</wp:author_email>
			  <wp:author_display_name><![CDATA[Alice Archer]]></wp:author_display_name></wp:author>
			<wp:author><wp:author_login>bob</wp:author_login><wp:author_display_name>Bob Baker</wp:author_display_name></wp:author>
			<wp:author><wp:author_login>carol.white</wp:author_login><wp:author_display_name>Carol White</wp:author_display_name></wp:author>
			<wp:term><wp:term_id>7</wp:term_id><wp:term_taxonomy>author</wp:term_taxonomy><wp:term_slug>cap-dana-guest</wp:term_slug>
			  <wp:term_name>dana-guest</wp:term_name><wp:term_description>Dana Guest Dana Guest dana-guest 40 dana@guest.example</wp:term_description></wp:term>
			<item><title>Harbour report</title><dc:creator>alice</dc:creator><wp:post_id>1</wp:post_id>
			  <wp:post_date_gmt>2024-05-06 07:08:09</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
			  <wp:post_name>harbour-report</wp:post_name><content:encoded>The harbour reopened.</content:encoded>
			  <category domain="category" nicename="news"><![CDATA[News]]></category>
			  <category domain="author" nicename="cap-bob"><![CDATA[bob]]></category>
			  <category domain="author" nicename="cap-dana-guest"><![CDATA[dana-guest]]></category>
			  <category domain="author" nicename="carol-white"><![CDATA[Carol White]]></category>
			  <category domain="author" nicename="cap-alice"><![CDATA[alice]]></category></item>
			<item><title>Dana Guest</title><dc:creator>alice</dc:creator><wp:post_id>40</wp:post_id>
			  <wp:post_name>cap-dana-guest</wp:post_name><wp:status>publish</wp:status><wp:post_type>guest-author</wp:post_type>
			  <category domain="author" nicename="cap-dana-guest"><![CDATA[dana-guest]]></category>
			  <wp:postmeta><wp:meta_key>cap-display_name</wp:meta_key><wp:meta_value>Dana Guest</wp:meta_value></wp:postmeta>
			  <wp:postmeta><wp:meta_key>cap-first_name</wp:meta_key><wp:meta_value>Dana</wp:meta_value></wp:postmeta>
			  <wp:postmeta><wp:meta_key>cap-last_name</wp:meta_key><wp:meta_value>Guest</wp:meta_value></wp:postmeta>
			  <wp:postmeta><wp:meta_key>cap-user_login</wp:meta_key><wp:meta_value>dana-guest</wp:meta_value></wp:postmeta>
			  <wp:postmeta><wp:meta_key>cap-user_email</wp:meta_key><wp:meta_value>dana@guest.example</wp:meta_value></wp:postmeta>
			  <wp:postmeta><wp:meta_key>cap-website</wp:meta_key><wp:meta_value>https://dana.example/</wp:meta_value></wp:postmeta>
			  <wp:postmeta><wp:meta_key>cap-description</wp:meta_key><wp:meta_value><![CDATA[<p>Dana writes about <em>ports</em>.</p>]]></wp:meta_value></wp:postmeta></item>
			""";

	@Test
	void coAuthorsComeInTheirOrderWithTheGuestAuthorsProfile() throws IOException {
		var report = importer.importFile(export("https://co-authors.example", CO_AUTHORS),
				WordPressImporter.Options.defaults(), NO_PROGRESS);
		assertThat(byline("Harbour report")).containsExactly("Bob Baker", "Dana Guest", "Carol White", "Alice Archer");
		assertThat(jdbc.sql("SELECT bio || '|' || links || '|' || login || '|' || email FROM author WHERE name = ?")
			.param("Dana Guest")
			.query(String.class)
			.single()).isEqualTo("Dana writes about ports.|https://dana.example/|dana-guest|dana@guest.example");
		// The guest author is an author, neither a post nor a page.
		assertThat(report.tally(Kind.AUTHOR).found()).isEqualTo(4);
		assertThat(report.tally(Kind.AUTHOR).created()).isEqualTo(4);
		assertThat(report.tally(Kind.POST).found()).isEqualTo(1);
		assertThat(report.tally(Kind.OTHER_ITEM).found()).isZero();
		assertThat(count("SELECT COUNT(*) FROM article WHERE title = 'Dana Guest'")).isZero();
		assertThat(count("SELECT COUNT(*) FROM page WHERE title = 'Dana Guest'")).isZero();
		assertThat(report.createdAuthors()).contains("Dana Guest (login dana-guest): guest author (Co-Authors Plus)",
				"Bob Baker (login bob): in the file's authors");
		// Importing again changes nobody.
		var again = importer.importFile(export("https://co-authors.example", CO_AUTHORS),
				WordPressImporter.Options.defaults(), NO_PROGRESS);
		assertThat(again.tally(Kind.AUTHOR).unchanged()).isEqualTo(4);
		assertThat(again.createdAuthors()).isEmpty();
	}

	@Test
	void aCreatorTheFileDoesNotDeclareIsANewAuthorNeverSomeoneElse() throws IOException {
		var report = importer.importFile(
				export("https://typo.example",
						"""
								<wp:author><wp:author_login>Jonh</wp:author_login><wp:author_display_name>Jonh Typo</wp:author_display_name></wp:author>
								<wp:author><wp:author_login>Bob</wp:author_login><wp:author_display_name>Bob Upper</wp:author_display_name></wp:author>
								%s%s%s"""
							.formatted(post(1, "By john", "john"), post(2, "By bob", "bob"),
									post(3, "By nobody in particular", ""))),
				WordPressImporter.Options.defaults(), NO_PROGRESS);
		assertThat(byline("By john")).containsExactly("john");
		assertThat(byline("By bob")).containsExactly("Bob Upper");
		// Neither author is sure for a post without a creator.
		assertThat(byline("By nobody in particular")).containsExactly(WordPressBylines.UNKNOWN);
		assertThat(jdbc.sql("SELECT login FROM author WHERE name = 'john'").query(String.class).single())
			.isEqualTo("john");
		assertThat(report.createdAuthors()).contains("john: named by a byline, not in the file's authors");
		assertThat(report.notes()).anyMatch(n -> n.contains("author 'john' is not in the file's authors"))
			.anyMatch(n -> n.contains("author 'bob' matched 'Bob' ignoring case"));
	}

	@Test
	void anExportImportedElsewhereKeepsEveryBylineInOrder() throws IOException {
		importer.importFile(export("https://round-trip.example", CO_AUTHORS), WordPressImporter.Options.defaults(),
				NO_PROGRESS);
		Path exported = dir.resolve("export.xml");
		exporter.export(exported, "https://news.example");
		Map<String, Object> bylines = bylines(jdbc);
		Object guest = jdbc.sql("SELECT bio || '|' || links || '|' || email FROM author WHERE name = 'Dana Guest'")
			.query(String.class)
			.single();
		try (var other = emptySite(Files.createDirectories(dir.resolve("empty")))) {
			var report = other.getBean(WordPressImporter.class)
				.importFile(exported, WordPressImporter.Options.defaults(), NO_PROGRESS);
			var there = other.getBean(JdbcClient.class);
			assertThat(report.tally(Kind.POST).skippedCount()).isZero();
			assertThat(bylines(there)).isEqualTo(bylines);
			assertThat(there.sql("SELECT bio || '|' || links || '|' || email FROM author WHERE name = 'Dana Guest'")
				.query(String.class)
				.single()).isEqualTo(guest);
		}
	}

	/**
	 * The measure of issue 18: of each corpus export's published posts, how many have a
	 * byline listing every author WordPress showed (the Co-Authors Plus terms, else the
	 * {@code dc:creator}), read back from the database by login.
	 */
	@Test
	void everyPublishedPostOfTheCorpusKeepsEveryAuthorWordPressShowed() throws IOException {
		List<Path> exports = new ArrayList<>();
		for (String folder : List.of("wxr", "wxr-fixtures/wordpress-importer")) {
			try (Stream<Path> files = Files.list(Corpus.require(folder))) {
				files.filter(f -> f.toString().endsWith(".xml")).sorted().forEach(exports::add);
			}
		}
		int allPosts = 0;
		int allKept = 0;
		for (Path file : exports) {
			Map<String, List<String>> shown = new LinkedHashMap<>();
			int unnamed = 0;
			String origin;
			try (var reader = new WxrReader(file)) {
				for (Wxr.Entry entry; (entry = reader.next()) != null;) {
					if (entry instanceof Wxr.Item item && item.postType().strip().equals("post")
							&& item.status().strip().equals("publish")) {
						List<String> logins = item.terms()
							.stream()
							.filter(t -> t.domain().strip().equals("author"))
							.map(t -> t.name().strip())
							.toList();
						if (logins.isEmpty() && item.creator().isBlank()) {
							unnamed++;
						}
						else {
							shown.put(importKey(item), logins.isEmpty() ? List.of(item.creator().strip()) : logins);
						}
					}
				}
				origin = "wxr:" + (reader.siteUrl().isBlank() ? file.getFileName().toString() : reader.siteUrl());
			}
			catch (WxrException ex) {
				System.out.printf("bylines %-45s refused: %s%n", file.getFileName(), ex.getMessage());
				continue;
			}
			importer.importFile(file, WordPressImporter.Options.defaults(), NO_PROGRESS);
			int kept = 0;
			for (var post : shown.entrySet()) {
				List<String> logins = jdbc.sql("""
						SELECT au.login FROM article a JOIN article_author j ON j.article_id = a.id
						JOIN author au ON au.id = j.author_id WHERE a.import_key = ? ORDER BY j.position""")
					.param(WxrValues.stableKey(origin + "#" + post.getKey()))

					.query(String.class)
					.list();
				if (listsEvery(logins, post.getValue())) {
					kept++;
				}
			}
			System.out
				.printf("bylines %-45s %3d published posts naming an author, %3d with every author WordPress showed; "
						+ "%d naming nobody%n", file.getFileName(), shown.size(), kept, unnamed);
			assertThat(kept).as(file.getFileName().toString()).isEqualTo(shown.size());
			allPosts += shown.size();
			allKept += kept;
		}
		System.out.printf("bylines all %d published posts, %d with every author WordPress showed%n", allPosts, allKept);
		assertThat(allPosts).isPositive();
	}

	/**
	 * The importer's key of an item, without the site: its id, else its guid, else title
	 * and date.
	 */
	private static String importKey(Wxr.Item item) {
		if (!item.postId().isBlank()) {
			return item.postId().strip();
		}
		return item.guid().isBlank() ? "title:" + item.title().strip() + "@" + item.postDate() : item.guid().strip();
	}

	/**
	 * Whether the byline has an author for each login WordPress showed, in order: the
	 * same login ignoring case, or the one WordPress's importer reads it as.
	 */
	private static boolean listsEvery(List<String> byline, List<String> shown) {
		if (byline.size() != shown.size()) {
			return false;
		}
		for (int i = 0; i < shown.size(); i++) {
			String stored = byline.get(i) == null ? "" : byline.get(i);
			String wanted = shown.get(i);
			if (!stored.equalsIgnoreCase(wanted) && !stored
				.equalsIgnoreCase(NOT_IN_LOGIN.matcher(wanted).replaceAll("").strip().toLowerCase(Locale.ROOT))) {
				return false;
			}
		}
		return true;
	}

	private List<String> byline(String title) {
		return jdbc.sql("""
				SELECT au.name FROM article a JOIN article_author j ON j.article_id = a.id
				JOIN author au ON au.id = j.author_id WHERE a.title = ? ORDER BY j.position""")
			.param(title)
			.query(String.class)
			.list();
	}

	private static Map<String, Object> bylines(JdbcClient jdbc) {
		Map<String, Object> bylines = new LinkedHashMap<>();
		jdbc.sql("SELECT id, title FROM article ORDER BY title")
			.query((rs, n) -> bylines.put(rs.getString(2), jdbc.sql("""
					SELECT au.name FROM article_author j JOIN author au ON au.id = j.author_id
					WHERE j.article_id = ? ORDER BY j.position""").param(rs.getLong(1)).query(String.class).list()))
			.list();
		return bylines;
	}

	private int count(String sql) {
		return jdbc.sql(sql).query(Integer.class).single();
	}

	private static String post(int id, String title, String creator) {
		return """
				<item><title>%2$s</title><dc:creator>%3$s</dc:creator><wp:post_id>%1$d</wp:post_id>
				  <wp:post_date_gmt>2024-05-0%1$d 07:08:09</wp:post_date_gmt><wp:status>publish</wp:status>
				  <wp:post_type>post</wp:post_type><content:encoded>Body of %2$s</content:encoded></item>
				""".formatted(id, title, creator);
	}

	private Path export(String site, String entries) throws IOException {
		return Files.writeString(dir.resolve(site.replaceAll("\\W", "") + ".xml"),
				"""
						<?xml version="1.0" encoding="UTF-8"?>
						<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
						     xmlns:dc="http://purl.org/dc/elements/1.1/">
						<channel><link>%s</link><wp:wxr_version>1.2</wp:wxr_version>
						%s
						</channel></rss>
						"""
					.formatted(site, entries));
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

}
