package org.broadsheet.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers anonymous readers' GET and HEAD requests from the {@link PageCache}, before
 * Spring Security and MVC: the stored headers (the same security headers a rendered page
 * carries), the body with this response's {@link ResponsePart}s spliced in, gzip when
 * accepted, and 304 for a matching {@code If-None-Match} or {@code If-Modified-Since}
 * (RFC 9110 §13). A miss renders once however many readers ask at the same moment (the
 * others wait for that render), and the render is stored when its controller marked it
 * ({@link Surrogates}) and it is a 200 without cookies. Readers with a session or a
 * reader cookie (signed in, or with their own held comments and likes) always get a
 * fresh, private page.
 */
@Component
class PageCacheFilter extends OncePerRequestFilter implements Ordered {

	/** Before Spring Security's filter chain (-100). */
	static final int ORDER = -110;

	/** Headers that are the cache's own or belong to one response. */
	private static final Set<String> NOT_STORED = Set.of("set-cookie", "content-length", "date", "transfer-encoding",
			"etag", "last-modified", "cache-control", "vary", "content-type", "expires", "pragma", "content-encoding",
			"surrogate-key", "cache-tag");

	private final PageCache cache;

	private final HttpCachePolicy policy;

	private final Map<String, ResponsePart> parts;

	private final Set<String> bypassCookies;

	private final Clock clock;

	PageCacheFilter(PageCache cache, HttpCachePolicy policy, List<ResponsePart> parts, Clock clock,
			@Value("${broadsheet.cache.bypass-cookies:JSESSIONID,broadsheet_reader}") Set<String> bypassCookies) {
		this.cache = cache;
		this.policy = policy;
		this.parts = parts.stream().collect(Collectors.toMap(ResponsePart::name, Function.identity()));
		this.bypassCookies = bypassCookies;
		this.clock = clock;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		if (!method.equals("GET") && !method.equals("HEAD")) {
			return true;
		}
		String path = request.getRequestURI();
		return path.startsWith("/newsroom") || path.startsWith("/login") || path.startsWith("/logout")
				|| path.startsWith("/media/") || path.startsWith("/assets/") || path.startsWith("/error")
				|| path.startsWith("/actuator") || asksForActivityJson(request);
	}

	/**
	 * ActivityPub clients ask article and author URLs for JSON
	 * ({@code application/activity+json}, or {@code application/ld+json} with the
	 * ActivityStreams profile; the fediverse module answers those): the cache holds the
	 * HTML representation only, so such a request neither gets nor stores a cached page.
	 * @return whether the {@code Accept} header names either type
	 */
	static boolean asksForActivityJson(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		if (accept == null) {
			return false;
		}
		String lower = accept.toLowerCase(Locale.ROOT);
		return lower.contains("application/activity+json") || lower.contains("application/ld+json");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!anonymous(request)) {
			// Their own page (their held comments, their likes, their session): for them
			// alone.
			response.setHeader("Cache-Control", HttpCachePolicy.PRIVATE);
			chain.doFilter(request, response);
			return;
		}
		String address = address(request);
		CachedPage page = cache.get(address);
		if (page != null) {
			serve(page, request, response, true);
			return;
		}
		var mine = new CompletableFuture<CachedPage>();
		var leader = cache.leaderOrNull(address, mine);
		if (leader != null) {
			CachedPage rendered = await(leader);
			if (rendered != null) {
				serve(rendered, request, response, true);
				return;
			}
			render(address, request, response, chain);
			return;
		}
		try {
			mine.complete(render(address, request, response, chain));
		}
		finally {
			mine.complete(null);
			cache.done(address, mine);
		}
	}

	/**
	 * Answers the request from the cache alone, if it is an anonymous reader's GET or
	 * HEAD of a page the cache holds. Called by {@link PageCacheValve} before the servlet
	 * container builds the filter chain; everything else (misses, renders, private pages)
	 * is this filter's.
	 * @return whether the response was written
	 */
	boolean answered(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (shouldNotFilter(request) || !anonymous(request)) {
			return false;
		}
		CachedPage page = cache.get(address(request));
		if (page == null) {
			return false;
		}
		serve(page, request, response, true);
		return true;
	}

	private static String address(HttpServletRequest request) {
		String query = request.getQueryString();
		return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
	}

	private static CachedPage await(CompletableFuture<CachedPage> leader) throws IOException {
		try {
			return leader.get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			return null;
		}
	}

	private boolean anonymous(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (bypassCookies.contains(cookie.getName())) {
					return false;
				}
			}
		}
		return request.getHeader("Authorization") == null;
	}

	/**
	 * @return the page rendered, when it may be served to other readers, else null
	 */
	private CachedPage render(String address, HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws ServletException, IOException {
		long generation = cache.generation();
		var wrapper = new ContentCachingResponseWrapper(response);
		request.setAttribute(Splicing.RENDERING, Boolean.TRUE);
		try {
			chain.doFilter(request, wrapper);
		}
		finally {
			request.removeAttribute(Splicing.RENDERING);
		}
		Surrogates marks = Surrogates.of(request);
		byte[] body = wrapper.getContentAsByteArray();
		var cut = Splicing.cut(body);
		boolean cacheable = marks != null && request.getMethod().equals("GET") && wrapper.getStatus() == 200
				&& !response.isCommitted() && response.getHeaders("Set-Cookie").isEmpty();
		if (!cacheable) {
			if (cut.slots().isEmpty()) {
				wrapper.copyBodyToResponse();
			}
			else {
				var values = values(cut.slots(), request, response);
				wrapper.resetBuffer();
				response.setContentLengthLong(Splicing.identityLength(cut.pieces(), values));
				Splicing.writeIdentity(cut.pieces(), values, response.getOutputStream());
			}
			return null;
		}
		CachedPage page = page(response, wrapper.getStatus(), cut, marks);
		cache.put(address, page, generation);
		wrapper.resetBuffer();
		serve(page, request, response, false);
		return page;
	}

	private CachedPage page(HttpServletResponse response, int status, Splicing.Cut cut, Surrogates marks) {
		List<String[]> headers = new ArrayList<>();
		for (String name : response.getHeaderNames()) {
			if (!NOT_STORED.contains(name.toLowerCase(Locale.ROOT))) {
				for (String value : response.getHeaders(name)) {
					headers.add(new String[] { name, value });
				}
			}
		}
		boolean parts = !cut.slots().isEmpty();
		List<byte[]> deflated = Splicing.deflate(cut.pieces());
		return new CachedPage(status, response.getContentType(), List.copyOf(headers), cut.pieces(), cut.slots(),
				parts ? deflated : List.of(), parts ? null : Splicing.gzip(deflated, cut.pieces()),
				etag(cut.pieces(), parts), clock.millis() / 1000 * 1000, marks.kind(), Set.copyOf(marks.keys()));
	}

	/**
	 * A strong tag from the body's bytes; weak when per-response parts differ from the
	 * stored bytes.
	 */
	private static String etag(List<byte[]> pieces, boolean weak) {
		try {
			var digest = MessageDigest.getInstance("SHA-256");
			pieces.forEach(digest::update);
			String tag = "\"" + HexFormat.of().formatHex(digest.digest(), 0, 16) + "\"";
			return weak ? "W/" + tag : tag;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void serve(CachedPage page, HttpServletRequest request, HttpServletResponse response, boolean withHeaders)
			throws IOException {
		if (withHeaders) {
			// Headers the container wrote already (the security headers) are not sent
			// twice.
			Set<String> present = Set.copyOf(response.getHeaderNames());
			for (String[] header : page.headers()) {
				if (!present.contains(header[0])) {
					response.addHeader(header[0], header[1]);
				}
			}
		}
		response.setHeader("Cache-Control", policy.cacheControl(page.kind(), page.hasParts()));
		// Article and author pages have an ActivityPub representation at the same URL.
		response.setHeader("Vary", negotiated(page.kind()) ? "Accept, Accept-Encoding" : "Accept-Encoding");
		response.setHeader("ETag", page.etag());
		response.setDateHeader("Last-Modified", page.lastModified());
		if (!page.hasParts()) {
			response.setHeader("Surrogate-Key", page.surrogateKey());
			response.setHeader("Cache-Tag", page.cacheTag());
		}
		if (notModified(page, request)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setStatus(page.status());
		response.setContentType(page.contentType());
		boolean gzipped = acceptsGzip(request);
		List<byte[]> values = page.hasParts() ? values(page.slots(), request, response) : List.of();
		if (gzipped) {
			response.setHeader("Content-Encoding", "gzip");
		}
		boolean head = request.getMethod().equals("HEAD");
		if (!page.hasParts()) {
			byte[] body = gzipped ? page.gzip() : page.pieces().get(0);
			response.setContentLength(body.length);
			if (!head) {
				response.getOutputStream().write(body);
			}
		}
		else if (gzipped) {
			response.setContentLengthLong(Splicing.gzipLength(page.deflated(), values));
			if (!head) {
				Splicing.writeGzip(page.deflated(), page.pieces(), values, response.getOutputStream());
			}
		}
		else {
			response.setContentLengthLong(Splicing.identityLength(page.pieces(), values));
			if (!head) {
				Splicing.writeIdentity(page.pieces(), values, response.getOutputStream());
			}
		}
	}

	/**
	 * @return whether pages of this kind vary by {@code Accept}: articles, and the
	 * listings (among them the author pages)
	 */
	private static boolean negotiated(PageKind kind) {
		return kind == PageKind.ARTICLE || kind == PageKind.LISTING;
	}

	private List<byte[]> values(List<Splicing.Slot> slots, HttpServletRequest request, HttpServletResponse response) {
		List<byte[]> values = new ArrayList<>(slots.size());
		for (Splicing.Slot slot : slots) {
			String attribute = Splicing.RENDERING + "." + slot.name() + "." + slot.argument();
			String value = (String) request.getAttribute(attribute);
			if (value == null) {
				ResponsePart part = parts.get(slot.name());
				value = part == null ? "" : part.value(slot.argument(), request, response);
				request.setAttribute(attribute, value);
			}
			values.add(value.getBytes(StandardCharsets.UTF_8));
		}
		return values;
	}

	private static boolean notModified(CachedPage page, HttpServletRequest request) {
		String match = request.getHeader("If-None-Match");
		if (match != null) {
			String opaque = page.etag().startsWith("W/") ? page.etag().substring(2) : page.etag();
			for (String candidate : match.split(",")) {
				String tag = candidate.strip();
				if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(opaque)) {
					return true;
				}
			}
			return false;
		}
		try {
			long since = request.getDateHeader("If-Modified-Since");
			return since >= 0 && page.lastModified() <= since;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean acceptsGzip(HttpServletRequest request) {
		String accepted = request.getHeader("Accept-Encoding");
		if (accepted == null) {
			return false;
		}
		for (String coding : accepted.split(",")) {
			String[] parameters = coding.split(";");
			if (parameters[0].strip().equalsIgnoreCase("gzip")) {
				return parameters.length == 1 || !parameters[1].strip().matches("q=0(\\.0*)?");
			}
		}
		return false;
	}

}
