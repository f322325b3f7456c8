package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.broadsheet.account.Account;
import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.delivery.PagesChanged;
import org.broadsheet.delivery.Surrogates;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.NotFound;
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
 * Linked translations on a real SQLite database: groups join transitively, one article a
 * language, permissions on both articles, one audit entry and one event per change, and
 * the pages of every article of the group evicted.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class ArticleTranslationsModuleTest {

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
	ArticleTranslations translations;

	@Autowired
	Accounts accounts;

	Account editor;

	Account contributor;

	@BeforeEach
	void accounts() {
		String run = Long.toString(System.nanoTime());
		editor = accounts.create(SystemActor.CLI, "editor" + run + "@news.test", "Eda Editor", Role.EDITOR,
				"a long enough password");
		contributor = accounts.create(SystemActor.CLI, "contributor" + run + "@news.test", "Cy Contributor",
				Role.CONTRIBUTOR, "a long enough password");
	}

	@Test
	void linkingJoinsGroupsSoEveryArticleNamesAllTheOthers(AssertablePublishedEvents events) {
		long en = published("Cranes stand idle", null);
		long fr = published("Les grues à l’arrêt", "fr");
		long ar = workflow.create(editor, draft("الرافعات متوقفة", "ar"));

		translations.link(editor, en, fr);
		translations.link(editor, ar, fr);

		assertThat(translations.of(en)).extracting(Translation::id).containsExactly(ar, fr);
		assertThat(translations.of(ar)).extracting(Translation::language).containsExactly(null, "fr");
		// Readers see only what is public: the Arabic draft is not among them yet.
		assertThat(translations.publicGroup(fr)).extracting(Translation::id).containsExactly(en, fr);
		assertThat(translations.publicGroup(fr).get(1).path()).startsWith("/module/");
		// Linking what is already linked changes nothing.
		translations.link(editor, fr, en);
		assertThat(workflow.editing(editor, en).audit()).extracting(AuditEntry::action)
			.containsExactly("stored", "translation-linked");

		// One event for the article edited: updated when published, revised for a draft.
		assertThat(events.ofType(ArticleEvent.class).matching(ArticleEvent::articleId, ar))
			.extracting(ArticleEvent::kind)
			.containsExactly("revised", "revised");
		assertThat(events.ofType(ArticleEvent.class).matching(ArticleEvent::articleId, en))
			.extracting(ArticleEvent::kind)
			.containsExactly("published", "updated");
		// Every article of the group has its page evicted.
		assertThat(events.ofType(PagesChanged.class)).anyMatch(change -> change.keys()
			.containsAll(List.of(Surrogates.article(en), Surrogates.article(fr), Surrogates.article(ar))));
	}

	@Test
	void unlinkingTakesOneArticleOutAndDropsAGroupOfOne() {
		long en = published("Harbour dues rise", null);
		long fr = published("Les droits de port augmentent", "fr");
		long de = published("Hafengebühren steigen", "de");
		translations.link(editor, en, fr);
		translations.link(editor, en, de);

		translations.unlink(editor, en, de);
		assertThat(translations.of(en)).extracting(Translation::id).containsExactly(fr);
		assertThat(translations.of(de)).isEmpty();
		assertThatThrownBy(() -> translations.unlink(editor, en, de)).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("translation: article " + de + " is not one of its translations");

		translations.unlink(editor, fr, fr);
		assertThat(translations.of(en)).isEmpty();
		assertThat(translations.publicGroup(en)).isEmpty();
		assertThat(workflow.editing(editor, fr).audit()).extracting(e -> e.action() + " " + e.detail())
			.endsWith("translation-unlinked " + fr);
	}

	@Test
	void refusesItselfMissingArticlesASecondArticleInOneLanguageAndOthersArticles() {
		long en = published("Port strike ends", null);
		long fr = published("La grève du port prend fin", "fr");
		long fr2 = published("Fin de la grève", "FR");
		long en2 = published("Strike over", null);
		translations.link(editor, en, fr);

		assertThatThrownBy(() -> translations.link(editor, en, en)).isInstanceOf(InvalidInput.class)
			.hasMessage("translation: an article cannot be its own translation");
		assertThatThrownBy(() -> translations.link(editor, en, 987_654)).isInstanceOf(InvalidInput.class)
			.hasMessage("translation: there is no article 987654");
		assertThatThrownBy(() -> translations.link(editor, 987_654, en)).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> translations.link(editor, en, fr2)).isInstanceOf(InvalidInput.class)
			.hasMessage("translation: the translations already include an article in FR");
		assertThatThrownBy(() -> translations.link(editor, fr, en2)).isInstanceOf(InvalidInput.class)
			.satisfies(
					ex -> assertThat(((InvalidInput) ex).key()).isEqualTo("article.invalid.translation-site-language"));
		// A contributor may not touch articles they may not edit.
		long own = workflow.create(contributor, draft("Cy's draft", "es"));
		assertThatThrownBy(() -> translations.link(contributor, own, fr2)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> translations.unlink(contributor, en, fr)).isInstanceOf(AccessDeniedException.class);
		assertThat(translations.of(fr2)).isEmpty();
		assertThat(translations.candidates(en, 100)).extracting(Translation::id)
			.contains(fr2, en2, own)
			.doesNotContain(en, fr);
	}

	@Test
	void aTranslationDatedLaterIsPublicOnlyOnceItsInstantHasCome() {
		long en = published("Tide tables", null);
		long es = workflow
			.store(editor,
					new ArticleDraft(null, "Tablas de mareas", "Module", List.of(AuthorProfile.named("Staff")), null,
							"Cuerpo", null, List.of(), "es", ArticleStatus.PUBLISHED, CLOCK.instant().plusSeconds(3600),
							null, null))
			.id();
		translations.link(editor, es, en);
		assertThat(translations.publicGroup(en)).isEmpty();
		CLOCK.advance(Duration.ofHours(2));
		assertThat(translations.publicGroup(en)).extracting(Translation::id).containsExactly(en, es);
	}

	private long published(String title, String language) {
		return workflow
			.store(editor,
					new ArticleDraft(null, title, "Module", List.of(AuthorProfile.named("Staff")), null,
							"Body of " + title, null, List.of(), language, ArticleStatus.PUBLISHED,
							CLOCK.instant().minusSeconds(60), null, null))
			.id();
	}

	private static ArticleDraft draft(String title, String language) {
		return new ArticleDraft(null, title, "Module", List.of(AuthorProfile.named("Staff")), null, "Body of " + title,
				null, List.of(), language, ArticleStatus.DRAFT, null, null, null);
	}

}
