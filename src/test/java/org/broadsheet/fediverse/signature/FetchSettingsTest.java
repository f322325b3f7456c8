package org.broadsheet.fediverse.signature;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The components wire with Spring, and {@code broadsheet.fediverse.*} binds as
 * documented.
 */
class FetchSettingsTest {

	@Configuration
	@EnableConfigurationProperties(FetchSettings.class)
	@Import({ HttpSignatures.class, RemoteDocuments.class, RemoteKeys.class })
	static class Components {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

	final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Components.class);

	@Test
	void theDefaultsAreTheDocumentedOnes() {
		context.run(started -> {
			assertThat(started).hasNotFailed().hasSingleBean(RemoteKeys.class).hasSingleBean(RemoteDocuments.class);
			assertThat(started.getBean(FetchSettings.class)).isEqualTo(FetchSettings.defaults());
		});
	}

	@Test
	void everySettingBinds() {
		context
			.withPropertyValues("broadsheet.fediverse.signature-skew=5m", "broadsheet.fediverse.allow-http=true",
					"broadsheet.fediverse.allow-private-addresses=true", "broadsheet.fediverse.connect-timeout=1s",
					"broadsheet.fediverse.read-timeout=2s", "broadsheet.fediverse.max-response-size=64KB",
					"broadsheet.fediverse.max-redirects=1", "broadsheet.fediverse.key-cache-ttl=1h")
			.run(started -> assertThat(started.getBean(FetchSettings.class))
				.isEqualTo(new FetchSettings(Duration.ofMinutes(5), true, true, Duration.ofSeconds(1),
						Duration.ofSeconds(2), DataSize.ofKilobytes(64), 1, Duration.ofHours(1))));
	}

}
