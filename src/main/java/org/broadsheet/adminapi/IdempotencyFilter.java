package org.broadsheet.adminapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.ApiKeyActor;
import org.broadsheet.shared.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on the Admin API's POSTs
 * (draft-ietf-httpapi-idempotency-key-header): the first request with a key acts and its
 * response is kept for 24 hours; a retry with the same key and the same request gets that
 * response again, marked {@code Idempotent-Replayed: true}, without acting twice. The
 * same key with another request is refused 422; while the first is still running, 409.
 * Keys are per API key, 1–255 visible ASCII characters. Runs after Spring Security, which
 * has found the key.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

	/** The request header (a structured-field string; quotes are optional here). */
	static final String HEADER = "Idempotency-Key";

	/**
	 * Largest JSON body kept to compare retries, in bytes: an article's longest body
	 * escaped, with room to spare.
	 */
	static final int MAX_BODY = 8 * 1024 * 1024;

	private final IdempotentResponses responses;

	IdempotencyFilter(IdempotentResponses responses) {
		this.responses = responses;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
				|| !request.getRequestURI().startsWith(AdminPaths.BASE + "/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!(SecurityContextHolder.getContext().getAuthentication() != null && SecurityContextHolder.getContext()
			.getAuthentication()
			.getPrincipal() instanceof ApiKeyActor actor)) {
			chain.doFilter(request, response);
			return;
		}
		String key = request.getHeader(HEADER).strip();
		if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
			key = key.substring(1, key.length() - 1);
		}
		if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
			problem(response, HttpStatus.BAD_REQUEST, "Idempotency-Key: give 1–255 visible ASCII characters");
			return;
		}
		byte[] body = null;
		String hash;
		try {
			if (!multipart(request)) {
				body = request.getInputStream().readNBytes(MAX_BODY + 1);
				if (body.length > MAX_BODY) {
					problem(response, HttpStatus.CONTENT_TOO_LARGE, "the body is over " + MAX_BODY + " bytes");
					return;
				}
			}
			hash = hash(request, body);
		}
		catch (IllegalStateException ex) {
			// Tomcat's answer to parts over spring.servlet.multipart.max-file-size.
			problem(response, HttpStatus.CONTENT_TOO_LARGE, "file: larger than the upload limit");
			return;
		}
		catch (ServletException ex) {
			problem(response, HttpStatus.BAD_REQUEST, "the multipart body cannot be read");
			return;
		}
		var cached = body == null ? request : new BufferedRequest(request, body);
		var earlier = responses.claim(actor.keyId(), key, hash);
		if (earlier.isPresent()) {
			replay(response, earlier.get(), hash);
			return;
		}
		var recorded = new ContentCachingResponseWrapper(response);
		boolean stored = false;
		try {
			chain.doFilter(cached, recorded);
			if (recorded.getStatus() < 500) {
				responses.store(actor.keyId(), key, recorded.getStatus(), recorded.getContentType(),
						recorded.getHeader(HttpHeaders.LOCATION),
						new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8));
				stored = true;
			}
			recorded.copyBodyToResponse();
		}
		finally {
			// A server error, or an exception the container answers: the retry may act.
			if (!stored) {
				responses.release(actor.keyId(), key);
			}
		}
	}

	private static void replay(HttpServletResponse response, IdempotentResponses.Stored earlier, String hash)
			throws IOException {
		if (earlier.status() == 0) {
			problem(response, HttpStatus.CONFLICT, "Idempotency-Key: the first request with this key is still running");
			return;
		}
		if (!earlier.requestHash().equals(hash)) {
			problem(response, HttpStatus.UNPROCESSABLE_CONTENT,
					"Idempotency-Key: this key was used for a different request");
			return;
		}
		response.setStatus(earlier.status());
		response.setHeader("Idempotent-Replayed", "true");
		if (earlier.location() != null) {
			response.setHeader(HttpHeaders.LOCATION, earlier.location());
		}
		if (earlier.contentType() != null) {
			response.setContentType(earlier.contentType());
		}
		if (earlier.body() != null) {
			response.getOutputStream().write(earlier.body().getBytes(StandardCharsets.UTF_8));
		}
	}

	/**
	 * The request's identity: method, path, query, content type and body (a multipart
	 * body by its parts, whose boundary differs between retries).
	 * @param body the body as read, or null for a multipart request
	 */
	private static String hash(HttpServletRequest request, byte[] body) throws IOException, ServletException {
		MessageDigest digest = sha256();
		digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n"
				+ (body == null ? "multipart" : request.getContentType()) + "\n")
			.getBytes(StandardCharsets.UTF_8));
		if (body != null) {
			digest.update(body);
		}
		else {
			// The container parses the parts once and keeps them for the controller.
			for (var part : request.getParts()) {
				digest.update((part.getName() + "\n").getBytes(StandardCharsets.UTF_8));
				try (InputStream in = new DigestInputStream(part.getInputStream(), digest)) {
					in.transferTo(OutputStream.nullOutputStream());
				}
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static boolean multipart(HttpServletRequest request) {
		return request.getContentType() != null && request.getContentType().startsWith("multipart/");
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		Problems.write(response, status, detail, HEADER);
	}

}
