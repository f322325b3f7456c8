package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.broadsheet.account.Account;
import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.support.TestClock;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The editorial workflow's rules as a module test: only the article module and the
 * modules it depends on start (Spring Modulith), on a real SQLite database, without the
 * web server. Each use case is checked for its permission, its change, its one audit
 * entry and its one event.
 */
// All dependencies: the author module's beans need the account module's audit, which a
// direct-dependencies bootstrap of this module leaves out.
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class ArticleWorkflowModuleTest {

	static final Path DATA = TestDatabases.newDataFolder();

	static final TestClock CLOCK = new TestClock();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.sqlite(registry, DATA);
		registry.add("broadsheet.workflow.clock", () -> "false");
		// Readiness names the search index, a module this test does not start.
		registry.add("management.endpoint.health.validate-group-membership", () -> "false");
	}

	@TestConfiguration
	static class Time {

		@Bean
		@Primary
		TestClock testClock() {
			return CLOCK;
		}

	}

	@Autowired
	ArticleWorkflow workflow;

	@Autowired
	Accounts accounts;

	@Autowired
	ArticleInterchange interchange;

	@Autowired
	ArticleRepository repository;

	Account editor;

	Account author;

	Account contributor;

	@BeforeEach
	void accounts() {
		String run = Long.toString(System.nanoTime());
		editor = accounts.create(SystemActor.CLI, "editor" + run + "@news.test", "Eda Editor", Role.EDITOR,
				"a long enough password");
		author = accounts.create(SystemActor.CLI, "author" + run + "@news.test", "Abe Author", Role.AUTHOR,
				"a long enough password");
		contributor = accounts.create(SystemActor.CLI, "contributor" + run + "@news.test", "Cy Contributor",
				Role.CONTRIBUTOR, "a long enough password");
	}

	@Test
	void eachUseCaseChecksItsPermissionAuditsWhoAndPublishesOneEvent(AssertablePublishedEvents events) {
		long id = workflow.create(contributor, draft("A contributor's draft", "First standfirst"));
		assertThatThrownBy(() -> workflow.publish(contributor, id)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> workflow.publish(author, id)).isInstanceOf(AccessDeniedException.class);
		workflow.submit(contributor, id);
		workflow.publish(editor, id);

		assertThat(events.ofType(ArticleEvent.class).matching(ArticleEvent::articleId, id))
			.extracting(ArticleEvent::kind)
			.containsExactly("revised", "revised", "published");
		assertThat(workflow.editing(editor, id).audit()).extracting(e -> e.who() + " " + e.action())
			.containsExactly("Cy Contributor created", "Cy Contributor submitted", "Eda Editor published");
		// Published, the article is off the contributor's desk.
		assertThatThrownBy(() -> workflow.save(contributor, id, draft("A contributor's draft", "Changed")))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void theApprovedRevisionGoesLiveAndNothingSavedAfterIt(AssertablePublishedEvents events) {
		long id = workflow.create(author, draft("Pinned at scheduling", "Approved"));
		workflow.schedule(author, id, CLOCK.instant().plus(Duration.ofHours(1)));
		workflow.save(author, id, draft("Pinned at scheduling", "Saved after scheduling"));
		assertThat(workflow.editing(author, id).unpublishedChanges()).isTrue();

		CLOCK.advance(Duration.ofHours(2));
		assertThat(workflow.runDue()).isGreaterThanOrEqualTo(1);
		var live = workflow.editing(author, id);
		assertThat(live.status()).isEqualTo(ArticleStatus.PUBLISHED);
		assertThat(events.ofType(ArticleEvent.ArticlePublished.class).matching(ArticleEvent::articleId, id)).hasSize(1);
		assertThat(live.audit()).last().satisfies(entry -> {
			assertThat(entry.who()).isEqualTo("scheduler");
			assertThat(entry.action()).isEqualTo("published");
		});
		// The row holds the approved revision: its standfirst, not the later one.
		assertThat(live.revisions()).filteredOn(r -> r.draft().summary().equals("Approved")).hasSize(1);
		assertThat(live.latest().summary()).isEqualTo("Saved after scheduling");
		assertThat(workflow.editing(author, id).unpublishedChanges()).isTrue();
	}

	@Test
	void scheduledChangesThatCanNoLongerGoLiveAreDroppedWithAnEntryNotRetriedForever() {
		long taken = workflow.create(editor, draft("Slug holder", "Holds its slug"));
		workflow.publish(editor, taken);
		long id = workflow.create(editor, draft("Will want that slug", "Before"));
		workflow.publish(editor, id);
		var wanting = new ArticleDraft("slug-holder", "Will want that slug", "Module",
				List.of(AuthorProfile.named("Staff")), "After", "Body", null, List.of(), null, ArticleStatus.DRAFT,
				null, null, null);
		workflow.save(editor, id, wanting);
		assertThatThrownBy(() -> workflow.publish(editor, id)).isInstanceOf(InvalidArticle.class);
		workflow.schedule(editor, id, CLOCK.instant().plus(Duration.ofMinutes(5)));

		CLOCK.advance(Duration.ofMinutes(10));
		workflow.runDue();
		var editing = workflow.editing(editor, id);
		assertThat(editing.goLiveAt()).isNull();
		assertThat(editing.audit()).last().satisfies(entry -> {
			assertThat(entry.who()).isEqualTo("scheduler");
			assertThat(entry.action()).isEqualTo("schedule-failed");
			assertThat(entry.detail()).contains("slug");
		});
		assertThat(workflow.anyDue()).isFalse();
	}

	@Test
	void anArticlePublicBeforeKeepsItsFirstPublicationThroughASchedule() {
		long id = workflow.create(editor, draft("Public before", "Once"));
		workflow.publish(editor, id);
		Instant first = published(id);
		workflow.unpublish(editor, id, null);
		CLOCK.advance(Duration.ofHours(1));
		workflow.schedule(editor, id, CLOCK.instant().plus(Duration.ofHours(1)));
		// Cancelled, it is unpublished again (it was public), not a draft, and keeps its
		// instant.
		workflow.cancelSchedule(editor, id);
		assertThat(workflow.editing(editor, id).status()).isEqualTo(ArticleStatus.UNPUBLISHED);
		workflow.schedule(editor, id, CLOCK.instant().plus(Duration.ofHours(1)));
		CLOCK.advance(Duration.ofHours(2));
		workflow.runDue();
		assertThat(published(id)).isEqualTo(first);
	}

	@Test
	void aPublishedArticleWithChangesScheduledMayBeScheduledToLeaveBeforeThem() {
		long id = workflow.create(editor, draft("Leaves first", "Live"));
		workflow.publish(editor, id);
		workflow.save(editor, id, draft("Leaves first", "Later"));
		workflow.schedule(editor, id, CLOCK.instant().plus(Duration.ofDays(2)));
		workflow.unpublish(editor, id, CLOCK.instant().plus(Duration.ofDays(1)));
		assertThat(workflow.editing(editor, id).unpublishAt()).isNotNull();
	}

	@Test
	void aScheduledImportWhoseInstantHasComeIsPublishedAndStaysSoWhenImportedAgain() {
		var due = new ArticleDraft(null, "Imported when due", "Module", List.of(AuthorProfile.named("Staff")), "Due",
				"Body", null, List.of(), null, ArticleStatus.SCHEDULED, CLOCK.instant().minus(Duration.ofHours(1)),
				null, null);
		var first = interchange.restore(SystemActor.WORDPRESS_IMPORT, "module:due", due, false);
		assertThat(workflow.editing(editor, first.id()).status()).isEqualTo(ArticleStatus.PUBLISHED);
		assertThat(interchange.restore(SystemActor.WORDPRESS_IMPORT, "module:due", due, false).outcome())
			.isEqualTo(ArticleInterchange.Outcome.UNCHANGED);
	}

	private Instant published(long id) {
		return repository.find(id).map(ArticleRow::publishedAt).map(Instant::ofEpochMilli).orElse(null);
	}

	private static ArticleDraft draft(String title, String summary) {
		return new ArticleDraft(null, title, "Module", List.of(AuthorProfile.named("Staff")), summary,
				"Body of " + title, null, List.of(), null, ArticleStatus.DRAFT, null, null, null);
	}

}
