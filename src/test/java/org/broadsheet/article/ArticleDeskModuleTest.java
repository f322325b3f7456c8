package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
 * The editorial desk's rules as a module test on a real SQLite database: sending back
 * with a note, internal notes, the front-page flags, and the revision diff of every
 * field. Each use case is checked for its permission, its audit entry naming who and its
 * one event (newsroom-only changes evict nothing).
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class ArticleDeskModuleTest {

	static final Path DATA = TestDatabases.newDataFolder();

	static final TestClock CLOCK = new TestClock();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.sqlite(registry, DATA);
		registry.add("broadsheet.workflow.clock", () -> "false");
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
	ArticleDesk desk;

	@Autowired
	Accounts accounts;

	@Autowired
	PublishedArticles published;

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
	void anEditorSendsAnArticleBackWithANoteTheWriterSeesUntilSubmittingAgain(AssertablePublishedEvents events) {
		long id = workflow.create(contributor, draft("Sent back", "First"));
		assertThatThrownBy(() -> desk.sendBack(editor, id, "Not yet in review")).isInstanceOf(ArticleConflict.class)
			.hasMessageContaining("status");
		workflow.submit(contributor, id);
		assertThatThrownBy(() -> desk.sendBack(contributor, id, "Myself")).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> desk.sendBack(author, id, "Not mine")).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> desk.sendBack(editor, id, "  ")).isInstanceOf(InvalidArticle.class)
			.hasFieldOrPropertyWithValue("field", "note");
		assertThatThrownBy(() -> desk.sendBack(editor, id, "x".repeat(ArticleNote.MAX_TEXT + 1)))
			.isInstanceOf(InvalidArticle.class);
		assertThat(workflow.editing(editor, id).status()).isEqualTo(ArticleStatus.IN_REVIEW);

		desk.sendBack(editor, id, "Second source for the strike, please.\n<b>Thanks</b>");

		var editing = workflow.editing(contributor, id);
		assertThat(editing.status()).isEqualTo(ArticleStatus.DRAFT);
		assertThat(editing.audit()).last().satisfies(entry -> {
			assertThat(entry.who()).isEqualTo("Eda Editor");
			assertThat(entry.action()).isEqualTo("sent-back");
			assertThat(entry.detail()).startsWith("Second source");
		});
		var seen = desk.desk(contributor, id);
		assertThat(seen.sentBack().who()).isEqualTo("Eda Editor");
		assertThat(seen.sentBack().text()).isEqualTo("Second source for the strike, please.\n<b>Thanks</b>");
		assertThat(seen.notes()).singleElement().satisfies(note -> assertThat(note.sentBack()).isTrue());
		assertThat(seen.maySendBack()).isFalse();
		assertThat(seen.mayFlag()).isFalse();
		assertThat(desk.sentBack(List.of(id, 999_999L))).containsOnlyKeys(id);
		assertThat(events.ofType(ArticleEvent.class).matching(ArticleEvent::articleId, id))
			.extracting(ArticleEvent::kind)
			.containsExactly("revised", "revised", "revised");

		workflow.submit(contributor, id);
		assertThat(desk.desk(editor, id).sentBack()).isNull();
		assertThat(desk.desk(editor, id).maySendBack()).isTrue();
		assertThat(desk.sentBack(List.of(id))).isEmpty();
		// The thread keeps the note.
		assertThat(desk.desk(editor, id).notes()).hasSize(1);
	}

	@Test
	void staffWriteInternalNotesOnArticlesTheyMayEdit(AssertablePublishedEvents events) {
		long id = workflow.create(contributor, draft("Noted", "First"));
		desk.addNote(contributor, id, "Photo desk has the pictures.");
		desk.addNote(editor, id, "Legal has read it.");
		assertThatThrownBy(() -> desk.addNote(author, id, "Not mine")).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> desk.addNote(editor, id, "")).isInstanceOf(InvalidArticle.class);
		assertThatThrownBy(() -> desk.addNote(editor, id, "bell \u0007")).isInstanceOf(InvalidArticle.class);
		assertThatThrownBy(() -> desk.addNote(editor, 999_999L, "Nothing")).hasMessageContaining("999999");
		desk.addNote(SystemActor.SCHEDULER, id, "From a process.");

		assertThat(desk.desk(contributor, id).notes()).extracting(n -> n.who() + ": " + n.text())
			.containsExactly("Cy Contributor: Photo desk has the pictures.", "Eda Editor: Legal has read it.",
					"scheduler: From a process.");
		assertThat(workflow.editing(editor, id).audit()).extracting(e -> e.who() + " " + e.action())
			.containsExactly("Cy Contributor created", "Cy Contributor noted", "Eda Editor noted", "scheduler noted");
		assertThat(events.ofType(ArticleEvent.class).matching(ArticleEvent::articleId, id))
			.extracting(ArticleEvent::kind)
			.containsOnly("revised");
	}

	@Test
	void editorsPinAndFlagBreakingNewsWhichTheFrontPageFollows(AssertablePublishedEvents events) {
		long older = workflow.create(editor, draft("Older story", "Old"));
		workflow.publish(editor, older);
		CLOCK.advance(java.time.Duration.ofMinutes(5));
		long newer = workflow.create(editor, draft("Newer story", "New"));
		workflow.publish(editor, newer);
		assertThatThrownBy(() -> desk.flag(author, older, true, true)).isInstanceOf(AccessDeniedException.class);

		desk.flag(editor, older, true, true);
		// Unchanged flags: nothing written.
		desk.flag(editor, older, true, true);

		var seen = desk.desk(editor, older);
		assertThat(seen.pinned()).isTrue();
		assertThat(seen.breaking()).isTrue();
		assertThat(published.latest(1, 10).items()).extracting(ArticleTeaser::id).startsWith(older);
		assertThat(desk.breakingNews()).extracting(ArticleTeaser::id).containsExactly(older);
		assertThat(workflow.editing(editor, older).audit()).filteredOn(e -> e.action().equals("flagged"))
			.singleElement()
			.satisfies(e -> assertThat(e.detail()).isEqualTo("pinned, breaking"));
		// A published article's flags change what readers see: its pages are evicted.
		assertThat(events.ofType(ArticleEvent.ArticleUpdated.class).matching(ArticleEvent::articleId, older))
			.hasSize(1);

		desk.flag(editor, older, false, false);
		assertThat(desk.breakingNews()).isEmpty();
		assertThat(published.latest(1, 10).items()).extracting(ArticleTeaser::id).startsWith(newer);

		// A draft's flags change nothing readers see yet.
		long draft = workflow.create(editor, draft("Draft story", "Draft"));
		desk.flag(editor, draft, false, true);
		assertThat(desk.breakingNews()).isEmpty();
		assertThat(events.ofType(ArticleEvent.class).matching(ArticleEvent::articleId, draft))
			.extracting(ArticleEvent::kind)
			.containsExactly("revised", "revised");
	}

	@Test
	void theDiffCoversEveryFieldARevisionStores() {
		long id = workflow.create(author, draft("Diffed", "Same"));
		var changed = new ArticleDraft("new-slug", "Diffed again", "Other section",
				List.of(AuthorProfile.named("Staff"), AuthorProfile.named("Second Writer")), "Same", "Body of Diffed",
				null, List.of("Harbour"), "fr", ArticleStatus.DRAFT, null, null,
				new Syndication("Wire", "First on the wire", "https://wire.example/story"));
		workflow.save(author, id, changed);
		var revisions = workflow.editing(author, id).revisions();
		var diff = workflow.compare(author, id, revisions.get(1).id(), revisions.get(0).id());

		assertThat(diff.changed()).extracting(RevisionDiff.FieldDiff::field)
			.containsExactly("title", "slug", "section", "authors", "tags", "language", "syndicationPublication",
					"syndicationNote", "syndicationUrl");
		assertThat(diff.unchanged()).containsExactly("summary", "body", "leadImage", "leadAlt", "leadCaption",
				"leadCredit");
		assertThat(diff.fields()).filteredOn(f -> f.field().equals("authors"))
			.singleElement()
			.satisfies(f -> assertThat(f.lines()).extracting(RevisionDiff.Line::text)
				.containsExactly("Staff", "Second Writer"));
	}

	private static ArticleDraft draft(String title, String summary) {
		return new ArticleDraft(null, title, "Module", List.of(AuthorProfile.named("Staff")), summary,
				"Body of " + title, null, List.of(), null, ArticleStatus.DRAFT, null, null, null);
	}

}
