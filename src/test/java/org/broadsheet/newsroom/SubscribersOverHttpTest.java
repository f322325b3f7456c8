package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.support.NewsroomBrowser;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestDatabases;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * The subscriber pages over real HTTP, signed in as an editor: the import form and its
 * report (with a header injection refused on its line), a 20 MB file refused with a clear
 * message, search, a subscriber's page and its actions, the export download; authors get
 * 403.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscribersOverHttpTest {

	static final String PASSWORD = "a long enough password";

	RunningSite site;

	NewsroomBrowser editor;

	@BeforeAll
	void start() {
		site = RunningSite.start(TestDatabases.newDataFolder());
		var accounts = site.bean(Accounts.class);
		accounts.create(SystemActor.CLI, "eda@news.test", "Eda Editor", Role.EDITOR, PASSWORD);
		accounts.create(SystemActor.CLI, "al@news.test", "Al Author", Role.AUTHOR, PASSWORD);
		editor = new NewsroomBrowser(site).signIn("eda@news.test", PASSWORD);
	}

	@AfterAll
	void stop() {
		site.close();
	}

	@Test
	void authorsAreRefused() {
		var author = new NewsroomBrowser(site).signIn("al@news.test", PASSWORD);
		assertThat(author.get("/newsroom/subscribers").statusCode()).isEqualTo(403);
		assertThat(author
			.upload("/newsroom/subscribers/import", "m.csv",
					"email,name,consented\nx@example.com,X,true\n".getBytes(StandardCharsets.UTF_8), Map.of())
			.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(author.get("/newsroom").body()).select("a[href=/newsroom/subscribers]")).isEmpty();
		assertThat(Jsoup.parse(editor.get("/newsroom").body()).select("a[href=/newsroom/subscribers]")).hasSize(1);
	}

	@Test
	void aTwentyMegabyteFileIsRefusedWithAClearMessage() {
		byte[] big = new byte[20 * 1024 * 1024];
		Arrays.fill(big, (byte) 'a');
		byte[] header = "email,name\n".getBytes(StandardCharsets.UTF_8);
		System.arraycopy(header, 0, big, 0, header.length);
		var refused = editor.upload("/newsroom/subscribers/import", "huge.csv", big, Map.of());
		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(Jsoup.parse(refused.body()).selectFirst("[role=alert]").text()).contains("10 MB");
		var empty = editor.upload("/newsroom/subscribers/import", "empty.csv", new byte[0], Map.of());
		assertThat(empty.statusCode()).isEqualTo(400);
		var unknown = editor.upload("/newsroom/subscribers/import", "x.csv",
				"who,what\na,b\n".getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(unknown.body()).selectFirst("[role=alert]").text()).contains("Ghost", "Mailchimp");
	}

	@Test
	void anEditorImportsSearchesAndLooksAfterASubscriber() throws Exception {
		String csv = "id,email,name,note,subscribed_to_emails,complimentary_plan,stripe_customer_id,created_at,"
				+ "deleted_at,labels,tiers\n" + "1,page@example.com,Page Reader,,true,,,2021-01-01T00:00:00Z,,,\n"
				+ "2,evil@example.com,\"Eve\nBcc: everyone@example.com\",,true,,,,,,\n";
		var imported = editor.upload("/newsroom/subscribers/import", "members.csv",
				csv.getBytes(StandardCharsets.UTF_8), Map.of("lists", "site"));
		assertThat(imported.statusCode()).isEqualTo(200);
		var report = Jsoup.parse(imported.body());
		assertThat(report.select(".report-figures").text()).contains("Imported: 1", "Rejected: 1");
		assertThat(report.select(".rejected-rows tbody tr").text()).contains("3", "name", "control character");

		var found = Jsoup.parse(editor.get("/newsroom/subscribers?q=PAGE&status=active&list=site").body());
		var link = found.selectFirst(".subscriber-results a");
		assertThat(link.text()).isEqualTo("page@example.com");
		assertThat(Jsoup.parse(editor.get("/newsroom/subscribers?q=nobody").body()).select(".subscriber-results"))
			.isEmpty();
		assertThat(editor.get("/newsroom/subscribers?status=gone").statusCode()).isEqualTo(400);
		assertThat(editor.get("/newsroom/subscribers?list=nothing").statusCode()).isEqualTo(400);
		assertThat(found.select(".list-counts tbody tr").first().text()).contains("1");

		String page = link.attr("href");
		var shown = Jsoup.parse(editor.get(page).body());
		assertThat(shown.select(".consent-record li").text()).contains("imported", "import:members.csv");
		assertThat(editor.post(page + "/pause", Map.of()).statusCode()).isEqualTo(302);
		assertThat(Jsoup.parse(editor.get(page + "?done=pause").body()).select("[role=status]").text()).isNotBlank();
		assertThat(editor.post(page + "/pause", Map.of()).statusCode()).isEqualTo(409);
		assertThat(editor.post(page + "/resume", Map.of()).statusCode()).isEqualTo(302);

		var export = editor.post(page + "/export", Map.of());
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment",
				"subscriber-");
		assertThat(new JsonMapper().readTree(export.body()).get("consent").get(0).get("source").asString())
			.isEqualTo("import:members.csv");

		assertThat(editor.post(page + "/unsubscribe", Map.of()).statusCode()).isEqualTo(302);
		assertThat(editor.post(page + "/delete", Map.of()).statusCode()).isEqualTo(302);
		assertThat(editor.get(page).statusCode()).isEqualTo(404);
		assertThat(site.bean(JdbcClient.class)
			.sql("SELECT COUNT(*) FROM subscriber WHERE email = 'page@example.com'")
			.query(Long.class)
			.single()).isZero();
	}

}
