package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import org.awaitility.Awaitility;
import org.broadsheet.BroadsheetApplication;
import org.broadsheet.account.Account;
import org.broadsheet.account.AccountAdministration;
import org.broadsheet.account.Accounts;
import org.broadsheet.account.PasswordResets;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.account.Totp;
import org.broadsheet.account.TwoFactor;
import org.broadsheet.support.NewsroomBrowser;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestClock;
import org.broadsheet.support.TestDatabases;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Accounts over real HTTP: a password reset link mailed through a real SMTP server
 * (GreenMail) works once and expires; two-factor sign-in leaves the session signed out
 * until the code; disabling an account ends its session; a role change reaches an open
 * session; the {@code user reset-password} command.
 */
class AccountsOverHttpTest {

	static final String PASSWORD = "correct horse battery";

	static final TestClock CLOCK = new TestClock();

	static GreenMail smtp;

	static RunningSite site;

	static Account admin;

	@BeforeAll
	static void start() {
		smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		site = RunningSite.start(TestDatabases.newDataFolder(), CLOCK, "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtp.getSmtp().getPort(), "--broadsheet.mail.from=newsroom@news.test");
		admin = site.bean(Accounts.class)
			.create(SystemActor.CLI, "admin@news.test", "Ada Admin", Role.ADMINISTRATOR, PASSWORD);
	}

	@AfterAll
	static void stop() {
		if (site != null) {
			site.close();
		}
		smtp.stop();
	}

	static Account account(String email, Role role) {
		return site.bean(Accounts.class)
			.create(SystemActor.CLI, email, email.substring(0, email.indexOf('@')), role, PASSWORD);
	}

	@Test
	void aResetLinkArrivesByMailWorksOnceAndExpires() throws Exception {
		account("forgetful@news.test", Role.AUTHOR);
		var browser = new NewsroomBrowser(site);
		assertThat(Jsoup.parse(browser.get("/login/forgot").body()).select("form[action=/login/forgot]")).hasSize(1);
		var unknown = browser.post("/login/forgot", Map.of("email", "nobody@news.test"));
		var known = browser.post("/login/forgot", Map.of("email", "Forgetful@news.test"));
		// The same answer either way.
		assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(302);
		assertThat(known.headers().firstValue("Location")).isEqualTo(unknown.headers().firstValue("Location"));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length == 1);
		var mail = smtp.getReceivedMessages()[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("forgetful@news.test");
		var link = Pattern.compile("http://\\S+/login/reset\\?token=(bsr_\\S+)").matcher(GreenMailUtil.getBody(mail));
		assertThat(link.find()).as(GreenMailUtil.getBody(mail)).isTrue();
		String path = "/login/reset?token=" + link.group(1);

		assertThat(browser.get(path).statusCode()).isEqualTo(200);
		var weak = browser.post("/login/reset", Map.of("token", link.group(1), "password", "short"));
		assertThat(weak.statusCode()).isEqualTo(400);
		var done = browser.post("/login/reset", Map.of("token", link.group(1), "password", "a new memorable phrase"));
		assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/login?reset");
		new NewsroomBrowser(site).signIn("forgetful@news.test", "a new memorable phrase");
		// Once only.
		assertThat(browser.get(path).statusCode()).isEqualTo(410);
		assertThat(browser.post("/login/reset", Map.of("token", link.group(1), "password", "yet another phrase"))
			.statusCode()).isEqualTo(410);

		// A second link expires after an hour.
		browser.post("/login/forgot", Map.of("email", "forgetful@news.test"));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length == 2);
		var second = Pattern.compile("token=(bsr_\\S+)").matcher(GreenMailUtil.getBody(smtp.getReceivedMessages()[1]));
		assertThat(second.find()).isTrue();
		assertThat(site.bean(PasswordResets.class).valid(second.group(1))).isTrue();
		CLOCK.advance(PasswordResets.LIFETIME.plusMinutes(1));
		assertThat(browser.get("/login/reset?token=" + second.group(1)).statusCode()).isEqualTo(410);
	}

	@Test
	void twoFactorSignInAsksForTheCodeBeforeTheSessionIsSignedIn() {
		var writer = account("careful@news.test", Role.AUTHOR);
		var browser = new NewsroomBrowser(site).signIn("careful@news.test", PASSWORD);
		browser.post("/newsroom/account/two-factor/start", Map.of());
		var page = Jsoup.parse(browser.get("/newsroom/account").body());
		String secret = page.selectFirst("#totp-secret").text();
		assertThat(page.select("a[href^=otpauth://totp/]")).hasSize(1);
		var wrong = browser.post("/newsroom/account/two-factor/confirm", Map.of("code", "12345"));
		assertThat(wrong.statusCode()).isEqualTo(400);
		var confirmed = browser.post("/newsroom/account/two-factor/confirm",
				Map.of("code", Totp.code(secret, CLOCK.instant())));
		var codes = Jsoup.parse(confirmed.body()).select(".recovery-codes code").eachText();
		assertThat(codes).hasSize(TwoFactor.RECOVERY_CODES);

		var other = new NewsroomBrowser(site);
		var password = other.post("/login", Map.of("email", "careful@news.test", "password", PASSWORD));
		assertThat(password.headers().firstValue("Location").orElseThrow()).endsWith("/login/code");
		// Half signed in is signed out.
		assertThat(other.get("/newsroom").statusCode()).isEqualTo(302);
		assertThat(other.get("/login/code").statusCode()).isEqualTo(200);
		assertThat(other.post("/login/code", Map.of("code", "000000x")).statusCode()).isEqualTo(400);
		CLOCK.advance(Duration.ofSeconds(30));
		var signedIn = other.post("/login/code", Map.of("code", Totp.code(secret, CLOCK.instant())));
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom");
		assertThat(other.get("/newsroom").statusCode()).isEqualTo(200);

		// A recovery code works once.
		var third = new NewsroomBrowser(site);
		third.post("/login", Map.of("email", "careful@news.test", "password", PASSWORD));
		assertThat(
				third.post("/login/code", Map.of("code", codes.get(0))).headers().firstValue("Location").orElseThrow())
			.endsWith("/newsroom");
		var fourth = new NewsroomBrowser(site);
		fourth.post("/login", Map.of("email", "careful@news.test", "password", PASSWORD));
		assertThat(fourth.post("/login/code", Map.of("code", codes.get(0))).statusCode()).isEqualTo(400);

		// An administrator turns it off for someone who lost their phone.
		var adminBrowser = new NewsroomBrowser(site).signIn("admin@news.test", PASSWORD);
		adminBrowser.post("/newsroom/users/" + writer.id() + "/two-factor/reset", Map.of());
		new NewsroomBrowser(site).signIn("careful@news.test", PASSWORD);
	}

	@Test
	void disablingEndsTheSessionAndARoleChangeReachesIt() {
		var writer = account("leaver@news.test", Role.CONTRIBUTOR);
		var session = new NewsroomBrowser(site).signIn("leaver@news.test", PASSWORD);
		assertThat(session.get("/newsroom/comments").statusCode()).isEqualTo(403);
		var adminBrowser = new NewsroomBrowser(site).signIn("admin@news.test", PASSWORD);
		adminBrowser.post("/newsroom/users/" + writer.id() + "/role", Map.of("role", "editor"));
		assertThat(session.get("/newsroom/comments").statusCode()).isEqualTo(200);

		// An administrator's own account is refused, with the reason beside the field.
		var self = adminBrowser.post("/newsroom/users/" + admin.id() + "/disable", Map.of());
		assertThat(self.statusCode()).isEqualTo(409);

		var disabled = adminBrowser.post("/newsroom/users/" + writer.id() + "/disable", Map.of());
		assertThat(disabled.headers().firstValue("Location").orElseThrow()).endsWith("?done=disabled");
		assertThat(session.get("/newsroom").statusCode()).isEqualTo(302);
		var again = new NewsroomBrowser(site).post("/login", Map.of("email", "leaver@news.test", "password", PASSWORD));
		assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");

		adminBrowser.post("/newsroom/users/" + writer.id() + "/enable", Map.of());
		var back = new NewsroomBrowser(site).signIn("leaver@news.test", PASSWORD);
		back.post("/newsroom/account/password", Map.of("current", PASSWORD, "password", "a changed phrase here"));
		// The changing session goes on; the others end.
		assertThat(back.get("/newsroom").statusCode()).isEqualTo(200);
		adminBrowser.post("/newsroom/users/" + writer.id() + "/delete", Map.of("heir", String.valueOf(admin.id())));
		assertThat(back.get("/newsroom").statusCode()).isEqualTo(302);
		assertThat(site.bean(Accounts.class).byEmail("leaver@news.test")).isEmpty();
		assertThat(site.bean(AccountAdministration.class)).isNotNull();
	}

	@Test
	void theUserCommandResetsAForgottenPassword() throws Exception {
		Path data = TestDatabases.newDataFolder();
		var in = System.in;
		try {
			System.setIn(new ByteArrayInputStream("a long enough password\n".getBytes(StandardCharsets.UTF_8)));
			var cli = BroadsheetApplication.commandLine();
			assertThat(cli.execute("user", "add", "--email", "chief@news.test", "--name", "Chief", "--role",
					"administrator", "--broadsheet.data=" + data))
				.isZero();
			var out = new StringWriter();
			cli = BroadsheetApplication.commandLine();
			cli.setOut(new PrintWriter(out));
			assertThat(cli.execute("user", "reset-password", "chief@news.test", "--generate", "--reset-two-factor",
					"--broadsheet.data=" + data))
				.isZero();
			assertThat(out.toString()).contains("Password of chief@news.test changed")
				.containsPattern("New password: \\S{20}");

			System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
			var err = new StringWriter();
			cli = BroadsheetApplication.commandLine();
			cli.setErr(new PrintWriter(err));
			assertThat(cli.execute("user", "reset-password", "chief@news.test", "--broadsheet.data=" + data))
				.isEqualTo(1);
			assertThat(err.toString()).contains("password: at least 10 characters");
		}
		finally {
			System.setIn(in);
		}
	}

}
