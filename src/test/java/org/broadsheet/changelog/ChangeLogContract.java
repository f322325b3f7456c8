package org.broadsheet.changelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.author.Authors;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.comment.Comments;
import org.broadsheet.comment.ImportedComment;
import org.broadsheet.comment.Moderation;
import org.broadsheet.comment.NewComment;
import org.broadsheet.search.Search;
import org.broadsheet.shared.LoggedChange.Subject;
import org.broadsheet.support.TestArticles;
import org.broadsheet.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every use case that changes a comment, a section, a tag, an author or an account writes
 * exactly one {@code change_log} row of its subject, kind and id, in the transaction that
 * made the change (a rolled-back change writes none); the search index follows article
 * rows only, and other subjects never count as its lag. Subclasses give the database.
 * Each test uses its own names, so tests share one database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "broadsheet.comments.min-fill-time=0s", "broadsheet.comments.hold-first=false",
				"broadsheet.search.poll-interval=200ms" })
abstract class ChangeLogContract {

	@Autowired
	ArticleWorkflow workflow;

	@Autowired
	Taxonomy taxonomy;

	@Autowired
	Authors authors;

	@Autowired
	Accounts accounts;

	@Autowired
	Comments comments;

	@Autowired
	Moderation moderation;

	@Autowired
	ChangeLog log;

	@Autowired
	Search search;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	private long mark() {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM change_log").query(Long.class).single();
	}

	/**
	 * @return the rows written after {@code mark}, as {@code subject:id:kind}
	 */
	private List<String> after(long mark) {
		return jdbc.sql("SELECT subject, subject_id, kind FROM change_log WHERE id > ? ORDER BY id")
			.param(mark)
			.query((rs, n) -> rs.getString(1) + ":" + rs.getLong(2) + ":" + rs.getString(3))
			.list();
	}

	private long article(String title, String section) {
		return workflow
			.store(TestArticles.ACTOR,
					new ArticleDraft(null, title, section, List.of(AuthorProfile.named("Log Staff")), "About " + title,
							"Body of " + title, null, List.of(), null, ArticleStatus.PUBLISHED,
							Instant.now().minus(1, ChronoUnit.HOURS), null, null))
			.id();
	}

	@Test
	void sectionsAndTagsLogTheirCreationOnceAndEachRename() {
		long mark = mark();
		long section = taxonomy.section("Logged Section").id();
		taxonomy.section("logged section");
		long tag = taxonomy.tag("Logged Tag").id();
		taxonomy.tag("LOGGED TAG");
		assertThat(after(mark)).containsExactly("section:" + section + ":created", "tag:" + tag + ":created");

		mark = mark();
		taxonomy.rename(SystemActor.CLI, "section", section, "Logged Section Renamed", false);
		assertThat(after(mark)).containsExactly("section:" + section + ":renamed");
		mark = mark();
		taxonomy.rename(SystemActor.CLI, "tag", tag, "Logged Tag Renamed", false);
		assertThat(after(mark)).containsExactly("tag:" + tag + ":renamed");
	}

	@Test
	void authorsLogCreationChangesAndProfileEditsButNotASaveThatChangesNothing() {
		long mark = mark();
		long id = authors.save(AuthorProfile.named("Logged Author")).id();
		assertThat(after(mark)).containsExactly("author:" + id + ":created");

		mark = mark();
		authors.save(AuthorProfile.named("Logged Author"));
		assertThat(after(mark)).isEmpty();
		authors.save(new AuthorProfile("Logged Author", "Correspondent", null, null));
		assertThat(after(mark)).containsExactly("author:" + id + ":updated");

		mark = mark();
		authors.restore("logged-login", "Logged Author", "logged@example.org");
		assertThat(after(mark)).containsExactly("author:" + id + ":updated");

		mark = mark();
		authors.updateProfile(SystemActor.CLI, id, "Editor", null, "Writes logs.", null, null);
		assertThat(after(mark)).containsExactly("author:" + id + ":profile-edited");
	}

	@Test
	void accountsLogTheirCreation() {
		long mark = mark();
		long id = accounts.create(SystemActor.CLI, "logged@account.test", "Logged", Role.EDITOR, "long-enough-pass")
			.id();
		assertThat(after(mark)).containsExactly("account:" + id + ":created");
	}

	@Test
	void everyCommentUseCaseLogsItsComment() {
		long articleId = article("Comments are logged", "Log Comments");
		long mark = mark();
		var posted = comments.post(new NewComment(articleId, null, "Reader", "reader@example.org", null,
				"A logged comment", null, "192.0.2.71", comments.formToken(articleId), null), Instant.now());
		assertThat(after(mark)).containsExactly("comment:" + posted.id() + ":posted");

		mark = mark();
		long held = comments.add(articleId, "Tool", "Held by a tool", CommentStatus.PENDING).id();
		assertThat(after(mark)).containsExactly("comment:" + held + ":posted");

		mark = mark();
		moderation.apply(SystemActor.CLI, Moderation.Action.APPROVE, List.of(held));
		assertThat(after(mark)).containsExactly("comment:" + held + ":approved");
		mark = mark();
		moderation.apply(SystemActor.CLI, Moderation.Action.SPAM, List.of(held));
		assertThat(after(mark)).containsExactly("comment:" + held + ":spam");
		mark = mark();
		moderation.apply(SystemActor.CLI, Moderation.Action.REJECT, List.of(held));
		assertThat(after(mark)).containsExactly("comment:" + held + ":rejected");

		mark = mark();
		moderation.edit(SystemActor.CLI, held, "Tool", "", "", "Corrected text");
		assertThat(after(mark)).containsExactly("comment:" + held + ":edited");

		mark = mark();
		moderation.setClosed(SystemActor.CLI, articleId, true);
		moderation.setClosed(SystemActor.CLI, articleId, false);
		assertThat(after(mark)).containsExactly("article:" + articleId + ":comments-closed",
				"article:" + articleId + ":comments-opened");

		mark = mark();
		comments.restore(new ImportedComment(articleId, "log:1", null, "Imported", null, null, "From elsewhere",
				CommentStatus.APPROVED, Instant.parse("2024-01-01T00:00:00Z")));
		long imported = jdbc.sql("SELECT id FROM comment WHERE import_key = 'log:1'").query(Long.class).single();
		assertThat(after(mark)).containsExactly("comment:" + imported + ":imported");

		mark = mark();
		moderation.apply(SystemActor.CLI, Moderation.Action.DELETE, List.of(posted.id()));
		assertThat(after(mark)).containsExactly("comment:" + posted.id() + ":deleted");
	}

	@Test
	void aRolledBackChangeLogsNothing() {
		long section = taxonomy.section("Rolled Back Section").id();
		long mark = mark();
		assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
			taxonomy.rename(SystemActor.CLI, "section", section, "Never Renamed", false);
			taxonomy.tag("Never Made Tag");
			accounts.create(SystemActor.CLI, "never@account.test", "Never", Role.AUTHOR, "long-enough-pass");
			authors.save(AuthorProfile.named("Never Made Author"));
			throw new IllegalStateException("roll back");
		})).hasMessage("roll back");
		assertThat(after(mark)).isEmpty();

		transactions.executeWithoutResult(tx -> {
			taxonomy.rename(SystemActor.CLI, "section", section, "Renamed With Another", false);
			accounts.create(SystemActor.CLI, "committed@account.test", "Committed", Role.AUTHOR, "long-enough-pass");
		});
		assertThat(after(mark)).hasSize(2).first().isEqualTo("section:" + section + ":renamed");
	}

	@Test
	void theSearchIndexFollowsArticlesOnlyAndOtherSubjectsAreNoLag() {
		long articleId = article("Followed by the index", "Log Search");
		long articleSeq = log.latestSeq(Subject.ARTICLE);
		await().atMost(Duration.ofSeconds(10)).until(() -> search.appliedSeq() >= articleSeq);
		// Changes of every other subject after it.
		long tag = taxonomy.tag("Not Indexed Tag").id();
		taxonomy.rename(SystemActor.CLI, "tag", tag, "Still Not Indexed", false);
		comments.add(articleId, "Reader", "Not for the index", CommentStatus.APPROVED);
		authors.save(AuthorProfile.named("Not Indexed Author"));
		assertThat(mark()).isGreaterThan(articleSeq);
		assertThat(log.since(articleSeq, Subject.ARTICLE)).allMatch(c -> c.subject() == Subject.ARTICLE);
		assertThat(log.countAfter(articleSeq, Subject.ARTICLE)).isZero();
		var health = context.getBean("searchIndexHealthIndicator", HealthIndicator.class);
		assertThat(health.health().getDetails()).containsEntry("lag", 0L);

		// The next article change is applied, and one article change is a lag of one
		// however many other rows came between.
		article("Followed again", "Log Search");
		long secondSeq = log.latestSeq(Subject.ARTICLE);
		assertThat(log.countAfter(articleSeq, Subject.ARTICLE)).isEqualTo(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> search.appliedSeq() == secondSeq);
		assertThat(health.health().getDetails()).containsEntry("lag", 0L);
	}

}
