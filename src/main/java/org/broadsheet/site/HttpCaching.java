package org.broadsheet.site;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Conditional GET for every page: an ETag from the rendered body, so browsers and CDNs revalidate
 * with {@code If-None-Match} and get 304 (RFC 9110 §13). Security headers: the account module.
 */
@Configuration(proxyBeanMethods = false)
class HttpCaching {

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> etags() {
		var registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
		registration.addUrlPatterns("/*");
		return registration;
	}

}
