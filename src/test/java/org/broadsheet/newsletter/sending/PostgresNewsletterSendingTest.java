package org.broadsheet.newsletter.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.broadsheet.support.PostgresSchemas;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
		disabledReason = "set BROADSHEET_TEST_POSTGRES_URL to a JDBC URL to run the newsletter tests on PostgreSQL")
class PostgresNewsletterSendingTest extends NewsletterSendingContract {

	@RegisterExtension
	static final PostgresSchemas schemas = new PostgresSchemas();

	@Override
	List<String> database(Path data) {
		return schemas.newSchemaOptions();
	}

	/**
	 * Two nodes on one database claim batches of one send at the same time: every
	 * subscriber gets exactly one message.
	 */
	@Test
	void twoNodesSendOneJobWithoutDuplicates() {
		var first = publish("Wharves", "Di Quay");
		String section = "section:" + first.section().id();
		int subscribers = 1500;
		jdbc.sql("""
				INSERT INTO subscriber (email, email_key, status, link_secret, created_at, updated_at)
				SELECT 'reader' || n || '@example.org', 'reader' || n || '@example.org', 'active', 'secret', 0, 0
				FROM generate_series(1, ?) AS n""").param(subscribers).update();
		jdbc.sql("INSERT INTO subscription (subscriber_id, list_key, created_at) SELECT id, ?, 0 FROM subscriber")
			.param(section)
			.update();
		var options = new java.util.ArrayList<>(this.options);
		options.addAll(List.of("--broadsheet.newsletter.batch=25"));
		try (var other = RunningSite.start(TestDatabases.newDataFolder(), options.toArray(String[]::new))) {
			var article = publish("Wharves", "Di Quay");
			await().atMost(Duration.ofSeconds(90)).until(() -> articleSend(article.id()).status().equals("finished"));
		}
		var received = byRecipient();
		assertThat(received).hasSize(subscribers);
		assertThat(received.values()).allSatisfy(messages -> assertThat(messages).hasSize(1));
		assertThat(sends.history(TestArticles.ACTOR, first.id())).isEmpty();
	}

}
