package org.broadsheet.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Content-hashed names for the site's CSS and JavaScript: templates link
 * {@code /assets/site.3f9a0c1b2d.css} ({@link #path}), which is served as
 * {@code /assets/site.css} with
 * {@code Cache-Control: public, max-age=31536000, immutable} (RFC 8246): a changed file
 * gets a new name, so browsers and CDNs keep each name for good. The plain names stay
 * served, revalidated every time ({@code no-cache}), for pages cached before a deploy.
 * (Spring's {@code VersionResourceResolver} would resolve both names through one resource
 * handler, with one {@code Cache-Control} for both: a plain name kept for a year would
 * outlive a deploy.)
 */
@Component
public class Assets extends OncePerRequestFilter {

	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	/** Plain path → hashed path, and back. */
	private final Map<String, String> hashed = new HashMap<>();

	private final Map<String, String> plain = new HashMap<>();

	Assets() throws IOException {
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath:/static/assets/*.*")) {
			String name = resource.getFilename();
			int dot = name.lastIndexOf('.');
			String versioned = "/assets/" + name.substring(0, dot) + "." + hash(resource) + name.substring(dot);
			hashed.put("/assets/" + name, versioned);
			plain.put(versioned, "/assets/" + name);
		}
	}

	/**
	 * @param path a plain asset path, e.g. {@code /assets/site.css}
	 * @return its content-hashed path, or {@code path} itself when there is no such asset
	 */
	public String path(String path) {
		return hashed.getOrDefault(path, path);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/assets/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String target = plain.get(request.getRequestURI());
		if (target != null) {
			response.setHeader("Cache-Control", IMMUTABLE);
			request.getRequestDispatcher(target).forward(request, response);
			return;
		}
		response.setHeader("Cache-Control", "no-cache");
		chain.doFilter(request, response);
	}

	private static String hash(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()), 0, 5);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
