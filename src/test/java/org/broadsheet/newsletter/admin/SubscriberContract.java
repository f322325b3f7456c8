package org.broadsheet.newsletter.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.broadsheet.account.Account;
import org.broadsheet.account.Accounts;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.newsletter.ListKey;
import org.broadsheet.newsletter.admin.SubscriberRecords.Row;
import org.broadsheet.newsletter.admin.SubscriberRecords.Search;
import org.broadsheet.shared.EmailAddress;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.NotFound;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestClock;
import org.broadsheet.support.TestDatabases;
import org.broadsheet.taxonomy.Taxonomy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The newsroom's side of subscribers on a real database: imports of each service's export
 * (written here with the services' real headers) with their consent mapping and the
 * report of rejected rows, re-imports, search with filters and keyset pages, the list
 * counts, pause, resume, unsubscribe, export and delete, and the permission. Subclasses
 * give the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SubscriberContract {

	static final SystemActor EDITOR = TestArticles.ACTOR;

	static final String GHOST = "id,email,name,note,subscribed_to_emails,complimentary_plan,stripe_customer_id,"
			+ "created_at,deleted_at,labels,tiers\n";

	static final String MAILCHIMP = "Email Address,First Name,Last Name,Address,Phone Number,MEMBER_RATING,"
			+ "OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,LATITUDE,LONGITUDE,GMTOFF,DSTOFF,TIMEZONE,CC,REGION,"
			+ "LAST_CHANGED,LEID,EUID,NOTES,TAGS\n";

	static final String SUBSTACK = "email,active_subscription,expiry,plan,email_disabled,created_at,"
			+ "first_payment_at\n";

	final TestClock clock = new TestClock();

	RunningSite site;

	Subscribers subscribers;

	SubscriberActions actions;

	SubscriberImport imports;

	JdbcClient jdbc;

	abstract List<String> database(Path data);

	@BeforeAll
	void start() {
		Path data = TestDatabases.newDataFolder();
		List<String> options = new ArrayList<>(database(data));
		options.add("--broadsheet.newsletter.import.max-rows=300");
		site = RunningSite.start(data, clock, options.toArray(String[]::new));
		subscribers = site.bean(Subscribers.class);
		actions = site.bean(SubscriberActions.class);
		imports = site.bean(SubscriberImport.class);
		jdbc = site.bean(JdbcClient.class);
	}

	@AfterAll
	void stop() {
		site.close();
	}

	@BeforeEach
	void empty() {
		jdbc.sql("DELETE FROM newsletter_delivery").update();
		jdbc.sql("DELETE FROM newsletter_send").update();
		jdbc.sql("DELETE FROM subscriber_consent").update();
		jdbc.sql("DELETE FROM subscription").update();
		jdbc.sql("DELETE FROM subscriber").update();
	}

	ImportReport load(String fileName, String csv, ListKey... lists) {
		return imports.importCsv(EDITOR, fileName, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
				Set.of(lists));
	}

	Row only(String email) {
		var rows = subscribers.search(EDITOR, new Search(email, null, null, null)).rows();
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

	long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	@Test
	void ghostMembersWhoSubscribedToEmailsBecomeActiveWithTheirConsent() {
		var report = load("members.2024-05-01.csv",
				GHOST + "64a1,ada@example.com,Ada Lovelace,,true,false,,2021-03-04T05:06:07.000Z,,VIP,\n"
						+ "64a2,bob@example.com,Bob,,false,false,,2021-03-04T05:06:07.000Z,,,\n"
						+ "64a3,cy@example.com,Cy,,true,false,,2021-03-04T05:06:07.000Z,2022-01-01T00:00:00.000Z,,\n");
		assertThat(report.service()).isEqualTo("Ghost members export");
		assertThat(report.imported()).isEqualTo(1);
		assertThat(report.skippedCount()).isEqualTo(2);
		assertThat(report.skipped()).containsEntry("subscribers.skipped.noConsent", 2);
		assertThat(report.rejected()).isEmpty();
		Row ada = only("ada@");
		assertThat(ada.status()).isEqualTo(SubscriberStatus.ACTIVE);
		assertThat(ada.name()).isEqualTo("Ada Lovelace");
		assertThat(ada.createdAt()).isEqualTo(Instant.parse("2021-03-04T05:06:07Z"));
		var detail = subscribers.find(EDITOR, ada.id());
		assertThat(detail.lists()).containsExactly(ListKey.SITE);
		assertThat(detail.consents()).singleElement().satisfies(c -> {
			assertThat(c.action()).isEqualTo("imported");
			assertThat(c.source()).isEqualTo("import:members.2024-05-01.csv");
			assertThat(c.wording()).contains("Ghost members export", "subscribed_to_emails=true");
			assertThat(c.lists()).containsExactly(ListKey.SITE);
		});
		assertThat(subscribers.search(EDITOR, new Search("bob", null, null, null)).rows()).isEmpty();
		assertThat(count("subscriber")).isEqualTo(1);
	}

	@Test
	void mailchimpSubscribedMembersWithAnOptInOrConfirmationAreImported() {
		var report = load("subscribed_members_export_abc.csv", MAILCHIMP
				+ "grace@navy.example,Grace,Hopper,,,2,2020-01-02 03:04:05,192.0.2.1,2020-01-02 03:05:00,192.0.2.1,"
				+ ",,,,,,,2023-01-01 00:00:00,1,e1,,\"Tag A\"\n"
				+ "alan@example.org,Alan,,,,2,,,2019-05-06 07:08:09,,,,,,,,,2023-01-01 00:00:00,2,e2,,\n"
				+ "nobody@example.org,No,Body,,,2,,,,,,,,,,,,2023-01-01 00:00:00,3,e3,,\n");
		assertThat(report.service()).isEqualTo("Mailchimp audience export");
		assertThat(report.imported()).isEqualTo(2);
		assertThat(report.skipped()).containsEntry("subscribers.skipped.noConsent", 1);
		Row grace = only("grace");
		assertThat(grace.name()).isEqualTo("Grace Hopper");
		assertThat(grace.createdAt()).isEqualTo(Instant.parse("2020-01-02T03:04:05Z"));
		var detail = subscribers.find(EDITOR, grace.id());
		assertThat(detail.confirmedAt()).isEqualTo(Instant.parse("2020-01-02T03:05:00Z"));
		assertThat(detail.consents().get(0).wording()).contains("Mailchimp", "CONFIRM_TIME=2020-01-02 03:05:00");
		Row alan = only("alan@");
		assertThat(alan.createdAt()).isEqualTo(Instant.parse("2019-05-06T07:08:09Z"));

		// The unsubscribed export says who left: nobody of it is imported.
		var unsubscribed = load("unsubscribed_members_export_abc.csv",
				"Email Address,First Name,Last Name,OPTIN_TIME,CONFIRM_TIME,UNSUB_TIME,UNSUB_CAMPAIGN_TITLE\n"
						+ "left@example.org,Le,Ft,2020-01-01 00:00:00,2020-01-01 00:00:00,2021-01-01 00:00:00,Spring\n");
		assertThat(unsubscribed.imported()).isZero();
		assertThat(unsubscribed.skippedCount()).isEqualTo(1);
	}

	@Test
	void substackSubscribersWithEmailNotDisabledAreImported() {
		var report = load("email_list.my-paper.csv",
				SUBSTACK + "reader@example.net,false,,,false,2022-07-08T09:10:11.000Z,\n"
						+ "payer@example.net,true,2025-01-01T00:00:00.000Z,yearly,false,2022-07-09T00:00:00.000Z,"
						+ "2022-07-09T00:00:00.000Z\n" + "quiet@example.net,false,,,true,2022-07-10T00:00:00.000Z,\n");
		assertThat(report.service()).isEqualTo("Substack subscriber export");
		assertThat(report.imported()).isEqualTo(2);
		assertThat(report.skipped()).containsEntry("subscribers.skipped.noConsent", 1);
		assertThat(only("reader@").createdAt()).isEqualTo(Instant.parse("2022-07-08T09:10:11Z"));
		assertThat(subscribers.find(EDITOR, only("payer@").id()).consents().get(0).wording()).contains("Substack",
				"email_disabled=false");
	}

	@Test
	void aPlainFileIsImportedOnlyWhereItSaysTheRowConsented() {
		var silent = load("list.csv", "email,name\nsam@example.com,Sam\n");
		assertThat(silent.service()).isEqualTo("CSV file");
		assertThat(silent.imported()).isZero();
		assertThat(silent.skipped()).containsEntry("subscribers.skipped.noConsent", 1);
		var consented = load("list.csv", "\uFEFFemail,name,consented\nsam@example.com,Sam,yes\n");
		assertThat(consented.imported()).isEqualTo(1);
		assertThatThrownBy(() -> load("other.csv", "address,full name\nx@example.com,X\n"))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> {
				assertThat(ex.field()).isEqualTo("file");
				assertThat(ex.key()).isEqualTo("subscribers.import.unknownFormat");
			});
		assertThatThrownBy(() -> load("broken.csv", "email,name,consented\n\"unclosed@example.com,Sam,yes\n"))
			.isInstanceOfSatisfying(InvalidInput.class,
					ex -> assertThat(ex.key()).isEqualTo("subscribers.import.malformed"));
	}

	@Test
	void rejectedRowsAreReportedWithLineColumnAndReason() {
		var report = load("members.csv", GHOST + "1,good@example.com,Good,,true,,,2021-01-01T00:00:00Z,,,\n"
				+ "2,not-an-address,Bad,,true,,,,,,\n"
				+ "3,inject@example.com,\"Eve\r\nBcc: all@example.com\",,true,,,,,,\n"
				+ "4,bell@example.com,Ding\u0007,,true,,,,,,\n" + "5,GOOD@Example.COM,Again,,true,,,,,,\n"
				+ "6,good@EXAMPLE.com,Twice,,true,,,,,,\n" + "7,when@example.com,When,,true,,,last tuesday,,,\n");
		assertThat(report.imported()).isEqualTo(2);
		assertThat(report.rejectedCount()).isEqualTo(5);
		assertThat(report.rejected()).extracting(r -> r.line() + " " + r.column() + " " + r.reason())
			.containsExactly("3 email subscribers.rejected.email", "4 name subscribers.rejected.control",
					"5 name subscribers.rejected.control", "7 email subscribers.rejected.duplicate",
					"8 created_at subscribers.rejected.date");
		assertThat(report.rejected().get(3).argument()).isEqualTo("2");
		assertThat(report.rejected().get(4).argument()).isEqualTo("last tuesday");
		// The local part keeps its case: GOOD@… is another mailbox than good@….
		assertThat(subscribers.search(EDITOR, new Search("good@", null, null, null)).rows()).extracting(Row::email)
			.containsExactlyInAnyOrder("good@example.com", "GOOD@Example.COM");
		assertThat(jdbc.sql("SELECT email_key FROM subscriber WHERE email = 'GOOD@Example.COM'")
			.query(String.class)
			.single()).isEqualTo("GOOD@example.com");
		assertThat(EmailAddress.valid("a b@example.com")).isFalse();
		assertThat(EmailAddress.valid("x@localhost")).isFalse();
		assertThat(EmailAddress.valid("\"quoted\"@example.com")).isFalse();
		assertThat(EmailAddress.valid("rené@exämple.de")).isTrue();
	}

	@Test
	void reimportingUpdatesWithoutDuplicatesAndNeverResubscribesWhoLeft() {
		long section = site.bean(Taxonomy.class).section("Economy").id();
		String file = GHOST + "1,ada@example.com,Ada,,true,,,,,,\n" + "2,bob@example.com,,,true,,,,,,\n";
		assertThat(load("members.csv", file).imported()).isEqualTo(2);
		var again = load("members.csv", file.replace("bob@example.com,,", "bob@example.com,Bob,"), ListKey.SITE,
				ListKey.section(section));
		assertThat(again.imported()).isZero();
		assertThat(again.updated()).isEqualTo(2);
		assertThat(count("subscriber")).isEqualTo(2);
		assertThat(only("bob@").name()).isEqualTo("Bob");
		assertThat(subscribers.find(EDITOR, only("ada@").id()).lists()).containsExactly(ListKey.section(section),
				ListKey.SITE);
		var third = load("members.csv", file, ListKey.SITE);
		assertThat(third.updated()).isZero();
		assertThat(third.skipped()).containsEntry("subscribers.skipped.unchanged", 2);

		actions.unsubscribe(EDITOR, only("ada@").id());
		var fourth = load("members.csv", file, ListKey.SITE);
		assertThat(fourth.skipped()).containsEntry("subscribers.skipped.unsubscribed", 1);
		assertThat(only("ada@").status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);

		// A pending sign-up that the old service knew as subscribed is confirmed.
		jdbc.sql("UPDATE subscriber SET status = 'pending', confirmed_at = NULL WHERE email = 'bob@example.com'")
			.update();
		assertThat(load("members.csv", file, ListKey.SITE).updated()).isEqualTo(1);
		assertThat(only("bob@").status()).isEqualTo(SubscriberStatus.ACTIVE);
		assertThat(count("subscriber")).isEqualTo(2);
	}

	@Test
	void aFileOverTheRowLimitIsRefusedWhole() {
		var csv = new StringBuilder("email,name,consented\n");
		for (int i = 0; i < 301; i++) {
			csv.append("r").append(i).append("@example.com,R,true\n");
		}
		assertThatThrownBy(() -> load("big.csv", csv.toString())).isInstanceOfSatisfying(InvalidInput.class,
				ex -> assertThat(ex.key()).isEqualTo("subscribers.import.tooManyRows"));
		assertThat(count("subscriber")).isZero();
	}

	@Test
	void searchFiltersByPrefixStatusAndListInKeysetPages() {
		long section = site.bean(Taxonomy.class).section("Culture").id();
		var csv = new StringBuilder("email,name,consented\n");
		for (int i = 0; i < 120; i++) {
			csv.append(String.format("reader%03d@example.com,Reader %03d,true%n", i, i));
		}
		csv.append("zoe@example.com,Ada Zoe,true\n");
		load("readers.csv", csv.toString());
		load("culture.csv", "email,name,consented\nreader001@example.com,,true\nzoe@example.com,,true\n",
				ListKey.section(section));
		actions.pause(EDITOR, only("reader007@").id());

		Set<Long> seen = new HashSet<>();
		List<Integer> sizes = new ArrayList<>();
		Long before = null;
		long last = Long.MAX_VALUE;
		do {
			var page = subscribers.search(EDITOR, new Search("READER", null, null, before));
			sizes.add(page.rows().size());
			for (Row row : page.rows()) {
				assertThat(row.id()).isLessThan(last);
				last = row.id();
				assertThat(seen.add(row.id())).isTrue();
			}
			before = page.next();
		}
		while (before != null);
		assertThat(sizes).containsExactly(50, 50, 20);
		assertThat(subscribers.search(EDITOR, new Search("ada", null, null, null)).rows()).extracting(Row::email)
			.containsExactly("zoe@example.com");
		assertThat(subscribers.search(EDITOR, new Search("r_ader", null, null, null)).rows()).isEmpty();
		assertThat(subscribers.search(EDITOR, new Search("", SubscriberStatus.PAUSED, null, null)).rows())
			.extracting(Row::email)
			.containsExactly("reader007@example.com");
		assertThat(subscribers.search(EDITOR, new Search("", null, ListKey.section(section), null)).rows())
			.extracting(Row::email)
			.containsExactly("zoe@example.com", "reader001@example.com");
		assertThat(subscribers.search(EDITOR, new Search("zo", SubscriberStatus.ACTIVE, ListKey.section(section), null))
			.rows()).hasSize(1);
		assertThat(subscribers.search(EDITOR, Search.ALL).next()).isNotNull();

		var lists = subscribers.lists(EDITOR);
		assertThat(lists.get(0).list()).isEqualTo(ListKey.SITE);
		assertThat(lists.get(0).active()).isEqualTo(120);
		assertThat(lists.get(0).paused()).isEqualTo(1);
		assertThat(lists).filteredOn(l -> l.list().equals(ListKey.section(section))).singleElement().satisfies(l -> {
			assertThat(l.name()).isEqualTo("Culture");
			assertThat(l.active()).isEqualTo(2);
		});
	}

	@Test
	void pauseResumeAndUnsubscribeAreAuditedAndLogged() {
		load("m.csv", GHOST + "1,ada@example.com,Ada,,true,,,,,,\n");
		long id = only("ada@").id();
		actions.pause(EDITOR, id);
		assertThat(only("ada@").status()).isEqualTo(SubscriberStatus.PAUSED);
		assertThatThrownBy(() -> actions.pause(EDITOR, id)).isInstanceOf(SubscriberActions.StatusConflict.class);
		jdbc.sql("UPDATE subscriber SET hard_bounces = 3, paused_reason = '550 no such user' WHERE id = ?")
			.param(id)
			.update();
		actions.resume(EDITOR, id);
		var resumed = subscribers.find(EDITOR, id);
		assertThat(resumed.subscriber().status()).isEqualTo(SubscriberStatus.ACTIVE);
		assertThat(resumed.hardBounces()).isZero();
		assertThat(resumed.pausedReason()).isNull();
		actions.unsubscribe(EDITOR, id);
		var left = subscribers.find(EDITOR, id);
		assertThat(left.subscriber().status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
		assertThat(left.lists()).isEmpty();
		assertThat(left.consents()).extracting(c -> c.action() + " " + c.source() + " " + ListKey.join(c.lists()))
			.containsExactly("imported import:m.csv site", "unsubscribed newsroom site");
		assertThatThrownBy(() -> actions.unsubscribe(EDITOR, id)).isInstanceOf(SubscriberActions.StatusConflict.class);
		assertThat(site.bean(NewsroomAudit.class).trail(NewsroomAudit.SUBSCRIBER, id))
			.extracting(e -> e.who() + " " + e.action())
			.containsExactly("test paused", "test resumed", "test unsubscribed");
		assertThat(jdbc.sql("SELECT kind FROM change_log WHERE subject = 'subscriber' AND subject_id = ? ORDER BY id")
			.param(id)
			.query(String.class)
			.list()).containsExactly("paused", "resumed", "unsubscribed");
		assertThatThrownBy(() -> actions.pause(EDITOR, 999_999)).isInstanceOf(NotFound.class);
	}

	@Test
	void exportHoldsTheConsentRecordAndDeliveriesAndDeleteRemovesEverything() {
		load("m.csv", GHOST + "1,ada@example.com,Ada,,true,,,2021-01-01T00:00:00Z,,,\n"
				+ "2,bob@example.com,Bob,,true,,,,,,\n");
		long id = only("ada@").id();
		long bob = only("bob@").id();
		long send = jdbc.sql("""
				INSERT INTO newsletter_send (kind, list_keys, subject, status, created_at)
				VALUES ('article', 'site', 'Russia''s N Korea approach', 'finished', 1) RETURNING id""")
			.query(Long.class)
			.single();
		for (long subscriber : List.of(id, bob)) {
			jdbc.sql("INSERT INTO newsletter_delivery (send_id, subscriber_id, status, attempts, sent_at) "
					+ "VALUES (?, ?, 'sent', 1, 1700000000000)")
				.params(send, subscriber)
				.update();
		}
		var summary = subscribers.find(EDITOR, id).deliveries();
		assertThat(summary.sent()).isEqualTo(1);
		assertThat(summary.lastSentAt()).isEqualTo(Instant.ofEpochMilli(1700000000000L));

		JsonNode export = new JsonMapper().readTree(actions.export(EDITOR, id));
		assertThat(export.get("subscriber").get("email").asString()).isEqualTo("ada@example.com");
		assertThat(export.get("subscriber").get("createdAt").asString()).isEqualTo("2021-01-01T00:00:00Z");
		assertThat(export.get("subscriber").has("linkSecret")).isFalse();
		assertThat(export.get("lists").get(0).asString()).isEqualTo("site");
		assertThat(export.get("consent").get(0).get("action").asString()).isEqualTo("imported");
		assertThat(export.get("consent").get(0).get("source").asString()).isEqualTo("import:m.csv");
		assertThat(export.get("consent").get(0).get("wording").asString()).contains("subscribed_to_emails");
		assertThat(export.get("deliveries").get(0).get("subject").asString()).isEqualTo("Russia's N Korea approach");

		actions.delete(EDITOR, id);
		for (String table : List.of("subscriber WHERE id = ?", "subscription WHERE subscriber_id = ?",
				"subscriber_consent WHERE subscriber_id = ?", "newsletter_delivery WHERE subscriber_id = ?")) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).param(id).query(Long.class).single()).as(table)
				.isZero();
		}
		assertThat(count("newsletter_delivery")).isEqualTo(1);
		assertThat(subscribers.find(EDITOR, bob).lists()).containsExactly(ListKey.SITE);
		var trail = site.bean(NewsroomAudit.class).trail(NewsroomAudit.SUBSCRIBER, id);
		// endsWith: SQLite reuses the highest id after this class's clean-up between
		// tests.
		assertThat(trail).extracting(e -> e.action()).endsWith("exported", "deleted");
		assertThat(trail.subList(trail.size() - 2, trail.size())).allMatch(e -> e.detail() == null);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM newsroom_audit WHERE detail LIKE '%ada@example.com%'")
			.query(Long.class)
			.single()).isZero();
		assertThatThrownBy(() -> subscribers.find(EDITOR, id)).isInstanceOf(NotFound.class);
	}

	@Test
	void authorsMayNotSeeOrChangeSubscribers() {
		load("m.csv", GHOST + "1,ada@example.com,Ada,,true,,,,,,\n");
		long id = only("ada@").id();
		Account author = site.bean(Accounts.class)
			.create(SystemActor.CLI, "author" + System.nanoTime() + "@news.test", "Al Author", Role.AUTHOR,
					"a long enough password");
		List<Runnable> refused = List.of(() -> subscribers.lists(author), () -> subscribers.search(author, Search.ALL),
				() -> subscribers.find(author, id), () -> subscribers.choosable(author),
				() -> actions.pause(author, id), () -> actions.unsubscribe(author, id),
				() -> actions.export(author, id), () -> actions.delete(author, id), () -> imports.importCsv(author,
						"x.csv", new ByteArrayInputStream("email,name\n".getBytes(StandardCharsets.UTF_8)), Set.of()));
		for (Runnable call : refused) {
			assertThatThrownBy(call::run).isInstanceOf(AccessDeniedException.class);
		}
		assertThat(only("ada@").status()).isEqualTo(SubscriberStatus.ACTIVE);
	}

}
