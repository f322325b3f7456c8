package org.broadsheet.api;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * CORS (Fetch standard) for the Content API: {@code broadsheet.api.cors.allowed-origins}
 * (comma-separated origins, default {@code *}), GET and HEAD only, no credentials. With
 * {@code *} every response says {@code Access-Control-Allow-Origin: *}, whether the
 * request named an origin or not, so that the page cache can store one response for every
 * client; with a list of origins a response echoes the request's origin, varies on it,
 * and is not kept in the node's page cache.
 */
@Configuration
class ContentCors implements WebMvcConfigurer {

	static final String PATHS = "/api/content/v1/**";

	private final List<String> origins;

	ContentCors(@Value("${broadsheet.api.cors.allowed-origins:*}") List<String> origins) {
		this.origins = origins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		registry.addMapping(PATHS)
			.allowedOrigins(origins.toArray(String[]::new))
			.allowedMethods("GET", "HEAD")
			.allowCredentials(false)
			.maxAge(3600);
	}

	/**
	 * @return whether a response to this request may be kept in the page cache and served
	 * to any client
	 */
	boolean sameForEveryone() {
		return origins.equals(List.of("*"));
	}

	/** Writes the headers every response carries when any origin may read it. */
	void write(HttpServletResponse response) {
		if (sameForEveryone()) {
			response.setHeader("Access-Control-Allow-Origin", "*");
		}
	}

}
