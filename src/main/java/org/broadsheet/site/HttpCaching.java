package org.broadsheet.site;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Response filters for every page: conditional GET (an ETag from the rendered body, so browsers
 * and CDNs revalidate with {@code If-None-Match} and get 304, RFC 9110 §13) and security headers
 * (a Content-Security-Policy without inline scripts, no MIME sniffing, no framing by others).
 */
@Configuration(proxyBeanMethods = false)
class HttpCaching {

	/** Scripts and styles only from the site itself; pictures in article bodies may be elsewhere. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' https: data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

	@Bean
	FilterRegistrationBean<org.springframework.web.filter.OncePerRequestFilter> securityHeaders() {
		var filter = new org.springframework.web.filter.OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(jakarta.servlet.http.HttpServletRequest request,
					jakarta.servlet.http.HttpServletResponse response, jakarta.servlet.FilterChain chain)
					throws jakarta.servlet.ServletException, java.io.IOException {
				response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
				response.setHeader("X-Content-Type-Options", "nosniff");
				response.setHeader("X-Frame-Options", "SAMEORIGIN");
				response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
				chain.doFilter(request, response);
			}
		};
		var registration = new FilterRegistrationBean<org.springframework.web.filter.OncePerRequestFilter>(filter);
		registration.addUrlPatterns("/*");
		return registration;
	}

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> etags() {
		var registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
		registration.addUrlPatterns("/*");
		return registration;
	}

}
