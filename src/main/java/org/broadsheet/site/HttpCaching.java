package org.broadsheet.site;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Conditional GET: an ETag from the rendered body, so browsers and CDNs revalidate with
 * {@code If-None-Match} and get 304 when the page is unchanged (RFC 9110 §13). Article pages with
 * an open comment form carry per-response tokens, so they rarely match (and are
 * {@code Cache-Control: private}). Security headers: the account module.
 */
@Configuration(proxyBeanMethods = false)
class HttpCaching {

	/**
	 * Weak ETags, so that Tomcat still compresses the page (it leaves strong-ETag responses alone).
	 * Not for media and assets: their names never change, and buffering large images to hash them
	 * would break range requests.
	 */
	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> etags() {
		var filter = new ShallowEtagHeaderFilter() {
			@Override
			protected boolean shouldNotFilter(jakarta.servlet.http.HttpServletRequest request) {
				String path = request.getRequestURI();
				return path.startsWith("/media/") || path.startsWith("/assets/");
			}
		};
		filter.setWriteWeakETag(true);
		var registration = new FilterRegistrationBean<ShallowEtagHeaderFilter>(filter);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
