package org.broadsheet.shared;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details written by filters and security handlers, which answer before
 * Spring MVC's exception handlers can ({@code application/problem+json}), and the bearer
 * token (RFC 6750) the APIs' keys come in.
 */
public final class Problems {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String BEARER = "bearer ";

	private Problems() {
	}

	/**
	 * Answers with a problem.
	 * @param detail what to do about it, in English
	 * @param parameter the header or parameter at fault, or null
	 */
	public static void write(HttpServletResponse response, HttpStatus status, String detail, String parameter)
			throws IOException {
		// Members in RFC 9457's order; Spring's ProblemDetail needs its Jackson mix-in to
		// write extension members flat.
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		if (parameter != null) {
			problem.put("parameter", parameter);
		}
		response.setStatus(status.value());
		response.setContentType("application/problem+json");
		response.getOutputStream().write(JSON.writeValueAsBytes(problem));
	}

	/**
	 * @return the token of an {@code Authorization: Bearer} header (RFC 6750 §2.1), or
	 * null without one
	 */
	public static String bearer(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || header.length() <= BEARER.length()
				|| !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		return header.substring(BEARER.length()).strip();
	}

}
