package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.author.Authors;
import org.broadsheet.author.FormerStaff;
import org.broadsheet.shared.Conflict;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The account rules every database must keep: administrators change roles, disable and
 * delete accounts but never their own nor the last administrator; a disabled account's
 * API keys authenticate nothing; a deletion hands articles over or keeps them under a
 * former-staff author; passwords follow one policy; two-factor codes work once. Each test
 * makes its own accounts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(AccountsContract.Time.class)
abstract class AccountsContract {

	static final String PASSWORD = "correct horse battery";

	@TestConfiguration
	static class Time {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

	@Autowired
	Accounts accounts;

	@Autowired
	AccountAdministration administration;

	@Autowired
	Passwords passwords;

	@Autowired
	TwoFactor twoFactor;

	@Autowired
	ApiKeys keys;

	@Autowired
	ArticleWorkflow workflow;

	@Autowired
	Authors authors;

	@Autowired
	FormerStaff formerStaff;

	@Autowired
	NewsroomAudit audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	Account admin;

	String tag;

	@BeforeEach
	void administrator() {
		tag = UUID.randomUUID().toString().substring(0, 8);
		admin = account("admin", Role.ADMINISTRATOR);
	}

	Account account(String name, Role role) {
		return accounts.create(SystemActor.CLI, name + "-" + tag + "@news.test", name + " " + tag, role, PASSWORD);
	}

	List<String> actions(long accountId) {
		return audit.trail(NewsroomAudit.ACCOUNT, accountId).stream().map(NewsroomAuditEntry::action).toList();
	}

	@Test
	void administratorsChangeRolesButNeverTheirOwnNorTheLastAdministrators() {
		var writer = account("writer", Role.CONTRIBUTOR);
		administration.changeRole(admin, writer.id(), Role.EDITOR);
		assertThat(accounts.byId(writer.id()).orElseThrow().role()).isEqualTo(Role.EDITOR);
		assertThat(audit.trail(NewsroomAudit.ACCOUNT, writer.id())).last()
			.satisfies(e -> assertThat(e.action() + " " + e.detail() + " " + e.who())
				.isEqualTo("role-changed contributor → editor " + admin.displayName()));
		assertThat(jdbc.sql("SELECT kind FROM change_log WHERE subject = 'account' AND subject_id = ? ORDER BY id DESC")
			.param(writer.id())
			.query(String.class)
			.list()).first().isEqualTo("role-changed");

		assertThatThrownBy(() -> administration.changeRole(writer, admin.id(), Role.AUTHOR))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> administration.changeRole(admin, admin.id(), Role.EDITOR)).isInstanceOf(Conflict.class)
			.hasMessageContaining("your own account");
		// The last active administrator: every other one is demoted first.
		for (var other : accounts.staff(admin)) {
			if (other.account().id() != admin.id() && other.account().role() == Role.ADMINISTRATOR && other.active()) {
				administration.changeRole(SystemActor.CLI, other.account().id(), Role.EDITOR);
			}
		}
		assertThatThrownBy(() -> administration.changeRole(SystemActor.CLI, admin.id(), Role.EDITOR))
			.isInstanceOf(AccountConflict.class)
			.hasMessageContaining("at least one active administrator");
		assertThatThrownBy(() -> administration.disable(SystemActor.CLI, admin.id()))
			.isInstanceOf(AccountConflict.class);
		assertThatThrownBy(() -> administration.delete(SystemActor.CLI, admin.id(), null))
			.isInstanceOf(AccountConflict.class);
		var second = account("second", Role.ADMINISTRATOR);
		administration.changeRole(SystemActor.CLI, admin.id(), Role.EDITOR);
		administration.changeRole(SystemActor.CLI, admin.id(), Role.ADMINISTRATOR);
		assertThat(second.role()).isEqualTo(Role.ADMINISTRATOR);
	}

	@Test
	void aDisabledAccountCannotSignInAndItsApiKeysAuthenticateNothing() {
		var writer = account("keyed", Role.AUTHOR);
		var key = keys.issue(admin, "Print system", writer.email(), Role.AUTHOR);
		assertThat(keys.authenticate(key.secret())).isPresent();
		long generation = accounts.standing(writer.id()).orElseThrow().generation();

		administration.disable(admin, writer.id());
		administration.disable(admin, writer.id());
		assertThat(keys.authenticate(key.secret())).isEmpty();
		assertThat(accounts.passwordHash(writer.email())).isEmpty();
		var standing = accounts.standing(writer.id()).orElseThrow();
		assertThat(standing.status()).isEqualTo(AccountStatus.DISABLED);
		assertThat(standing.generation()).isGreaterThan(generation);
		assertThat(accounts.staff(admin)).filteredOn(m -> m.account().id() == writer.id())
			.singleElement()
			.satisfies(m -> assertThat(m.active()).isFalse());

		administration.enable(admin, writer.id());
		assertThat(keys.authenticate(key.secret())).isPresent();
		assertThat(actions(writer.id())).containsSubsequence("created", "disabled", "enabled");
	}

	@Test
	void aDeletionHandsTheArticlesOverOrKeepsThemUnderAFormerStaffAuthor() {
		var leaving = account("leaving", Role.EDITOR);
		var heir = account("heir", Role.EDITOR);
		var draft = new ArticleDraft(null, "Notes from " + tag, "Accounts " + tag,
				List.of(AuthorProfile.named(leaving.displayName())), null, "Text", null, List.of(), null,
				ArticleStatus.DRAFT, null, null, null);
		long article = workflow.store(leaving, draft).id();
		var key = keys.issue(admin, "Their script", leaving.email(), Role.AUTHOR);

		assertThatThrownBy(() -> administration.delete(admin, leaving.id(), leaving.id()))
			.isInstanceOf(InvalidInput.class)
			.satisfies(ex -> assertThat(((InvalidInput) ex).field()).isEqualTo("heir"));
		administration.delete(admin, leaving.id(), heir.id());

		assertThat(jdbc.sql("SELECT created_by FROM article WHERE id = ?").param(article).query(Long.class).single())
			.isEqualTo(heir.id());
		assertThat(accounts.byEmail(leaving.email())).isEmpty();
		assertThat(accounts.byId(leaving.id()).orElseThrow().displayName()).isEqualTo(leaving.displayName());
		assertThat(keys.authenticate(key.secret())).isEmpty();
		var author = authors
			.bySlug(authors.all()
				.stream()
				.filter(a -> a.name().equals(leaving.displayName()))
				.findFirst()
				.orElseThrow()
				.slug())
			.orElseThrow();
		assertThat(formerStaff.ids()).contains(author.id());
		assertThat(audit.trail(NewsroomAudit.AUTHOR, author.id())).extracting(NewsroomAuditEntry::action)
			.contains("former-staff");
		assertThat(actions(leaving.id())).last().isEqualTo("deleted");
		// The email is free for a new account.
		accounts.create(admin, leaving.email(), "Someone new", Role.CONTRIBUTOR, PASSWORD);
		assertThatThrownBy(() -> administration.enable(admin, leaving.id())).hasMessageContaining("account");

		var kept = account("kept", Role.EDITOR);
		long keptArticle = workflow
			.store(kept,
					new ArticleDraft(null, "Kept " + tag, "Accounts " + tag,
							List.of(AuthorProfile.named(kept.displayName())), null, "Text", null, List.of(), null,
							ArticleStatus.DRAFT, null, null, null))
			.id();
		administration.delete(admin, kept.id(), null);
		assertThat(
				jdbc.sql("SELECT created_by FROM article WHERE id = ?").param(keptArticle).query(Long.class).single())
			.isEqualTo(kept.id());
	}

	@Test
	void passwordsFollowOnePolicyAndAChangeNeedsTheCurrentOne() {
		var writer = account("pw", Role.AUTHOR);
		assertThatThrownBy(() -> passwords.change(writer, "wrong password", "another good phrase"))
			.satisfies(ex -> assertThat(((InvalidInput) ex).field()).isEqualTo("current"));
		for (String bad : List.of("short", "aaaaaaaaaaaa", "password123", writer.email(), "é".repeat(40))) {
			assertThatThrownBy(() -> passwords.change(writer, PASSWORD, bad)).isInstanceOf(InvalidInput.class)
				.satisfies(ex -> assertThat(((InvalidInput) ex).field()).isEqualTo("password"));
		}
		assertThatThrownBy(() -> passwords.change(writer, PASSWORD, PASSWORD)).hasMessageContaining("have now");
		long generation = accounts.standing(writer.id()).orElseThrow().generation();
		passwords.change(writer, PASSWORD, "a brand new phrase");
		assertThat(accounts.standing(writer.id()).orElseThrow().generation()).isGreaterThan(generation);

		assertThatThrownBy(() -> passwords.reset(writer, admin.email(), "an admin's new one"))
			.isInstanceOf(AccessDeniedException.class);
		passwords.reset(SystemActor.CLI, writer.email(), "set by the operator");
		assertThatThrownBy(() -> passwords.reset(SystemActor.CLI, "nobody-" + tag + "@news.test", "whatever it is"))
			.satisfies(ex -> assertThat(((InvalidInput) ex).field()).isEqualTo("email"));
		assertThat(actions(writer.id())).containsSubsequence("password-changed", "password-reset");
	}

	@Test
	void twoFactorCodesWorkOnceAndRecoveryCodesToo() {
		var writer = account("totp", Role.AUTHOR);
		String secret = Totp.newSecret();
		assertThatThrownBy(() -> twoFactor.enable(writer, secret,
				"000000".equals(Totp.code(secret, clock.instant())) ? "111111" : "000000"))
			.satisfies(ex -> assertThat(((InvalidInput) ex).field()).isEqualTo("code"));
		var codes = twoFactor.enable(writer, secret, Totp.code(secret, clock.instant()));
		assertThat(codes).hasSize(TwoFactor.RECOVERY_CODES).doesNotHaveDuplicates();
		assertThat(twoFactor.enabled(writer.id())).isTrue();
		assertThat(accounts.standing(writer.id()).orElseThrow().twoFactor()).isTrue();

		// The code used to enrol is spent; the next step's works once.
		assertThat(twoFactor.verify(writer, Totp.code(secret, clock.instant()))).isFalse();
		clock.advance(Duration.ofSeconds(30));
		String next = Totp.code(secret, clock.instant());
		assertThat(twoFactor.verify(writer, next)).isTrue();
		assertThat(twoFactor.verify(writer, next)).isFalse();
		assertThat(twoFactor.verify(writer, " " + codes.get(0).toUpperCase() + " ")).isTrue();
		assertThat(twoFactor.verify(writer, codes.get(0))).isFalse();
		assertThat(twoFactor.recoveryCodesLeft(writer.id())).isEqualTo(TwoFactor.RECOVERY_CODES - 1);

		var other = account("other", Role.EDITOR);
		assertThatThrownBy(() -> twoFactor.disable(other, writer.id())).isInstanceOf(AccessDeniedException.class);
		twoFactor.disable(admin, writer.id());
		assertThat(twoFactor.enabled(writer.id())).isFalse();
		assertThat(actions(writer.id())).containsSubsequence("two-factor-enabled", "recovery-code-used",
				"two-factor-disabled");
	}

}
