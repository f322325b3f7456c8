package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.broadsheet.author.AuthorProfile;
import org.broadsheet.author.Authors;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.broadsheet.taxonomy.Taxonomy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reader's queries on SQLite, by their query plans (with no statistics, as a freshly
 * filled database has): none reads the article table whole or sorts it, lookups by id use
 * the primary key, and the article page's related articles and neighbours cost a fixed
 * handful of queries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class ReaderQueriesTest {

	static final Path DATA = TestDatabases.newDataFolder();

	/** Every statement prepared through the application's data source, in order. */
	static final List<String> PREPARED = Collections.synchronizedList(new ArrayList<>());

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.sqlite(registry, DATA);
	}

	/** Records what JdbcTemplate logs at debug level: every statement it prepares. */
	/** The thread whose statements are recorded. */
	static volatile String recordedThread = "";

	static final class Recording extends ch.qos.logback.core.AppenderBase<ch.qos.logback.classic.spi.ILoggingEvent> {

		private static final String PREFIX = "Executing prepared SQL statement [";

		@Override
		protected void append(ch.qos.logback.classic.spi.ILoggingEvent event) {
			String message = event.getFormattedMessage();
			// Only the reader's thread: the search index follower writes related lists on
			// its
			// own thread meanwhile.
			if (message.startsWith(PREFIX) && event.getThreadName().equals(recordedThread)) {
				PREPARED.add(message.substring(PREFIX.length(), message.length() - 1));
			}
		}

	}

	@Autowired
	ArticleWorkflow workflow;

	@Autowired
	PublishedArticles published;

	@Autowired
	Taxonomy taxonomy;

	@Autowired
	Authors authors;

	@Autowired
	DataSource dataSource;

	Article middle;

	@BeforeAll
	void articles() {
		var logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(JdbcTemplate.class);
		logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
		var recording = new Recording();
		recording.start();
		logger.addAppender(recording);
		for (int i = 0; i < 30; i++) {
			workflow.store(TestArticles.ACTOR,
					new ArticleDraft(null, "Plan story " + i, i % 2 == 0 ? "Plans" : "Charts",
							List.of(AuthorProfile.named("Planner " + (i % 3))), "Summary " + i, "Body of story " + i,
							null, List.of("tag-" + (i % 4), "planning"), null, ArticleStatus.PUBLISHED,
							Instant.parse("2024-01-01T00:00:00Z").plusSeconds(3600L * i), null, null));
		}
		middle = published.published("plans", "plan-story-14").orElseThrow();
	}

	@Test
	void noReaderQueryReadsOrSortsTheArchive() throws Exception {
		var section = taxonomy.sectionBySlug("plans").orElseThrow();
		var tag = taxonomy.tagBySlug("planning").orElseThrow();
		var author = authors.bySlug("planner-1").orElseThrow();
		List<String> sorted = record(() -> {
			published.latest(2, 5);
			published.inSection(section, 2, 5);
			published.neighbours(middle);
			published.newest(null, null, null, 10);
			published.newest(section.id(), null, null, 10);
			published.links(1, 10);
			published.publishedSince(Instant.EPOCH);
			return null;
		});
		List<String> joined = record(() -> {
			published.taggedWith(tag, 1, 5);
			published.byAuthor(author, 1, 5);
			published.newest(null, author.id(), tag.id(), 10);
			return null;
		});
		List<String> byId = record(() -> published.teasers(List.of(middle.id(), 3L)));
		for (String sql : concat(sorted, joined, byId)) {
			assertThat(plan(sql)).as(sql).doesNotContainPattern("SCAN (a|article)\\b");
		}
		for (String sql : sorted) {
			// The front page merges its two halves, each read in index order up to the
			// page's end.
			assertThat(plan(sql)).as(sql).doesNotContainPattern("(SEARCH|SCAN) a [^\\n]*\\nUSE TEMP B-TREE");
		}
		// Tag and author listings start from the join table's index, not from the
		// articles.
		assertThat(joined.stream().filter(sql -> sql.contains("CROSS JOIN")).map(this::plan)).hasSize(5)
			.allSatisfy(
					plan -> assertThat(plan.lines().findFirst().orElseThrow()).containsPattern("SEARCH (ja|jt) USING"));
		assertThat(byId.stream().filter(sql -> sql.contains("FROM article a")).map(this::plan)).isNotEmpty()
			.allSatisfy(plan -> assertThat(plan).contains("INTEGER PRIMARY KEY"));
	}

	@Test
	void relatedAndNeighboursComeInOneRound() {
		List<Long> related = List.of(2L, 5L, 9L, 21L);
		var queries = record(() -> published.around(middle, related));
		var around = published.around(middle, related);
		assertThat(around.related()).extracting(ArticleTeaser::id).containsExactlyElementsOf(related);
		assertThat(around.neighbours().previous().title()).isEqualTo("Plan story 13");
		assertThat(around.neighbours().next().title()).isEqualTo("Plan story 15");
		// Two neighbour seeks, the related rows, then authors (links and rows), sections:
		// images none.
		assertThat(queries).hasSizeLessThanOrEqualTo(6);
	}

	private static List<String> record(Supplier<?> work) {
		recordedThread = Thread.currentThread().getName();
		PREPARED.clear();
		work.get();
		return List.copyOf(PREPARED);
	}

	@SafeVarargs
	private static List<String> concat(List<String>... lists) {
		return Arrays.stream(lists).flatMap(List::stream).toList();
	}

	private String plan(String sql) {
		try (Connection c = dataSource.getConnection();
				var s = c.prepareStatement("EXPLAIN QUERY PLAN " + sql);
				var rs = s.executeQuery()) {
			StringBuilder plan = new StringBuilder();
			while (rs.next()) {
				plan.append(rs.getString(4)).append('\n');
			}
			return plan.toString();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
