package org.broadsheet.fediverse.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.broadsheet.support.PostgresSchemas;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract on PostgreSQL, and two nodes on one database: each delivery is made once.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
		disabledReason = "set BROADSHEET_TEST_POSTGRES_URL to a JDBC URL to run the fediverse delivery tests on PostgreSQL")
class PostgresFediverseDeliveryTest extends FediverseDeliveryContract {

	@RegisterExtension
	static final PostgresSchemas schemas = new PostgresSchemas();

	private List<String> options;

	@Override
	List<String> databaseOptions() {
		if (options == null) {
			options = schemas.newSchemaOptions();
		}
		return options;
	}

	@Test
	@Order(6)
	void twoNodesMakeEachDeliveryOnce() throws Exception {
		peer.drain();
		try (RunningSite second = startSite(TestDatabases.newDataFolder(), databaseOptions(), site.url(""))) {
			List<URI> inboxes = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				inboxes.add(URI.create(peer.base() + "/inbox/" + i));
			}
			var activity = Map.<String, Object>of("@context", "https://www.w3.org/ns/activitystreams", "id",
					site.url("/ap/site#note-two-nodes"), "type", "Create", "actor", site.url("/ap/site"));
			second.bean(Deliveries.class).queue("site", activity, inboxes.subList(0, 10));
			site.bean(Deliveries.class).queue("site", activity, inboxes.subList(10, 20));
			Set<String> paths = new HashSet<>();
			for (int i = 0; i < 20; i++) {
				var received = peer.next(WAIT);
				assertThat(received).as("delivery " + i).isNotNull();
				assertThat(paths.add(received.path())).as("once: " + received.path()).isTrue();
			}
			assertThat(peer.next(2)).as("nothing twice").isNull();
			long sent = jdbc().sql("SELECT COUNT(*) FROM fediverse_delivery WHERE activity LIKE ? AND status = 'sent'")
				.param("%note-two-nodes%")
				.query(Long.class)
				.single();
			assertThat(sent).isEqualTo(20);
		}
	}

}
