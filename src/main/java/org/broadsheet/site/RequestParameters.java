package org.broadsheet.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * The one check of every request's parameters, before any controller reads them (after
 * Spring Security, so that sign-in comes first):
 * <ul>
 * <li>Malformed %-encoding or UTF-8 ({@code ?q=%zz}, {@code ?q=%E0%A4}): the parameters
 * are parsed here, outside Spring MVC, so Tomcat answers 400 and logs one DEBUG line;
 * inside MVC the same exception reached the log as an ERROR with its stack trace, which
 * anyone could flood.</li>
 * <li>A query parameter containing NUL, which PostgreSQL text cannot hold (every other
 * character a strict UTF-8 decoding lets through, it can): 400 naming the parameter, on
 * both databases alike. Form bodies are left to the fields' own validation.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RequestParameters {

	/**
	 * Request attribute: the name of the parameter refused with 400, for the error page.
	 */
	private static final String REFUSED = RequestParameters.class.getName() + ".refused";

	/** Just after Spring Security's filter chain (order -100). */
	private static final int ORDER = -99;

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> requestParameterCheck() {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				// Throws Tomcat's InvalidParameterException on malformed input, which
				// Tomcat answers.
				request.getParameterMap();
				String refused = withNul(request.getQueryString());
				if (refused != null) {
					request.setAttribute(REFUSED, refused);
					response.sendError(HttpServletResponse.SC_BAD_REQUEST);
					return;
				}
				chain.doFilter(request, response);
			}
		});
		registration.addUrlPatterns("/*");
		registration.setOrder(ORDER);
		return registration;
	}

	/**
	 * @return the name of the parameter refused on this request, or null
	 */
	static String refused(HttpServletRequest request) {
		return request.getAttribute(REFUSED) instanceof String name ? name : null;
	}

	/**
	 * @param query the raw query string (already found well-formed), or null
	 * @return the decoded name of the first parameter whose name or value holds NUL, NUL
	 * shown as U+FFFD; null when none does
	 */
	static String withNul(String query) {
		if (query == null || !query.contains("%00")) {
			return null;
		}
		for (String pair : query.split("&")) {
			if (pair.contains("%00")) {
				String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
				return UriUtils.decode(name.replace('+', ' '), StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
			}
		}
		return null;
	}

}
