package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.broadsheet.shared.RateLimits;
import org.broadsheet.support.PostgresSchemas;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes on one PostgreSQL share the sign-in throttle (issue 13, item 2): failures on
 * either count against the one limit, so two nodes do not allow twice the guesses.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
		disabledReason = "set BROADSHEET_TEST_POSTGRES_URL to a JDBC URL to run the shared-limits test")
class PostgresSharedLimitsTest {

	@RegisterExtension
	static final PostgresSchemas schemas = new PostgresSchemas();

	static RunningSite a;

	static RunningSite b;

	@BeforeAll
	static void start() {
		var options = new ArrayList<>(schemas.newSchemaOptions());
		options.add("--broadsheet.http.trusted-proxies=127.0.0.0/8, ::1/128");
		a = RunningSite.start(TestDatabases.newDataFolder(), options.toArray(String[]::new));
		b = RunningSite.start(TestDatabases.newDataFolder(), options.toArray(String[]::new));
		a.bean(Accounts.class)
			.create(SystemActor.CLI, "shared@news.test", "Shared", Role.AUTHOR, SignInThrottleTest.PASSWORD);
	}

	@AfterAll
	static void stop() {
		a.close();
		b.close();
	}

	@Test
	void failuresOnEitherNodeCountAgainstOneLimit() throws Exception {
		assertThat(a.bean(RateLimits.class).shared()).isTrue();
		String address = SignInThrottleTest.newAddress();
		List<SignInThrottleTest.Browser> browsers = List.of(new SignInThrottleTest.Browser(a, address),
				new SignInThrottleTest.Browser(b, address));
		for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
			assertThat(browsers.get(i % 2).signIn("shared@news.test", "wrong " + i)).isEqualTo("/login?error");
		}
		// Five failures, split between the nodes: both refuse even the right password
		// now.
		assertThat(browsers.get(0).signIn("shared@news.test", SignInThrottleTest.PASSWORD))
			.isEqualTo("/login?throttled");
		assertThat(browsers.get(1).signIn("shared@news.test", SignInThrottleTest.PASSWORD))
			.isEqualTo("/login?throttled");
	}

}
