package org.broadsheet.delivery.cdn;

import java.net.http.HttpClient;

import org.broadsheet.delivery.CdnPurger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the {@link CdnPurger} named by {@code broadsheet.cdn.purger}; none by default.
 */
@Configuration(proxyBeanMethods = false)
class CdnConfiguration {

	@Bean
	@ConditionalOnProperty(name = "broadsheet.cdn.purger", havingValue = "varnish")
	CdnPurger varnishPurger(CdnSettings settings) {
		return new VarnishPurger(client(settings), settings.varnish(), settings.timeout());
	}

	@Bean
	@ConditionalOnProperty(name = "broadsheet.cdn.purger", havingValue = "http")
	CdnPurger httpPurger(CdnSettings settings) {
		return new HttpPurger(client(settings), settings.http(), settings.timeout());
	}

	private static HttpClient client(CdnSettings settings) {
		return HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
	}

}
