package org.broadsheet.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.support.PostgresSchemas;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.broadsheet.support.WebhookReceiver;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
		disabledReason = "set BROADSHEET_TEST_POSTGRES_URL to a JDBC URL to run the webhook tests on PostgreSQL")
class PostgresWebhookTest extends WebhookContract {

	@RegisterExtension
	static final PostgresSchemas schemas = new PostgresSchemas();

	@Override
	List<String> database(Path data) {
		return schemas.newSchemaOptions();
	}

	/**
	 * Two nodes on one database, both sending: every message reaches the receiver once,
	 * from whichever node claimed it (a healthy receiver sees no duplicates).
	 */
	@Test
	@Order(50)
	void twoNodesDeliverEachMessageOnce() {
		subscribeAll();
		try (var other = RunningSite.start(TestDatabases.newDataFolder(), clock, options.toArray(String[]::new))) {
			var workflows = List.of(workflow, other.bean(ArticleWorkflow.class));
			List<Long> ids = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				long id = draft("Dispatch " + i);
				workflows.get(i % 2).publish(TestArticles.ACTOR, id);
				ids.add(id);
			}
			for (long id : ids) {
				receiver.await(event("article.published", id), 1, SOON);
			}
			// Both nodes keep polling; a last message shows that nothing else was sent
			// before it.
			clock.advance(Duration.ofMinutes(2));
			long marker = draft("Marker");
			workflows.get(1).publish(TestArticles.ACTOR, marker);
			receiver.await(event("article.published", marker), 1, SOON);
		}
		assertThat(receiver.all()).extracting(WebhookReceiver.Received::id).doesNotHaveDuplicates();
		assertThat(ids()).hasSize(41);
		assertThat(receiver.all()).allMatch(WebhookReceiver.Received::ok);
		assertThat(Set.copyOf(receiver.all().stream().map(r -> body(r).get("type").asString()).toList()))
			.containsExactly("article.published");
	}

}
