package org.broadsheet.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.shared.Problems;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks a Content API request's key ({@link ContentKeys}), sent as {@code ?key=bsc_…}
 * (as Ghost's Content API takes it) or {@code Authorization: Bearer bsc_…}: a key that
 * does not work, or none when keys are required, answers 401 with an RFC 9457 problem. A
 * request with a key is answered for that integration alone, so its response is kept by
 * no shared cache ({@link #keyed}); nor is any response when keys are required.
 */
@Configuration
class ContentKeyCheck implements WebMvcConfigurer, HandlerInterceptor {

	/** The query parameter that carries a key. */
	static final String PARAMETER = "key";

	private static final String KEYED = ContentKeyCheck.class.getName() + ".keyed";

	private final ContentKeys keys;

	ContentKeyCheck(ContentKeys keys) {
		this.keys = keys;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns(ContentCors.PATHS);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if ("OPTIONS".equals(request.getMethod())) {
			return true;
		}
		String secret = secret(request);
		if (secret == null && !keys.required()) {
			return true;
		}
		if (secret != null && keys.accepts(secret)) {
			request.setAttribute(KEYED, Boolean.TRUE);
			return true;
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Broadsheet Content API\"");
		Problems.write(response, HttpStatus.UNAUTHORIZED,
				secret == null ? "send a Content API key: Authorization: Bearer bsc_… or ?key=bsc_…"
						: "the Content API key is unknown or revoked",
				PARAMETER);
		return false;
	}

	/**
	 * @return whether the response to this request is for one integration (or keys are
	 * required), and so may not be kept by a shared cache
	 */
	boolean keyed(HttpServletRequest request) {
		return keys.required() || request.getAttribute(KEYED) != null;
	}

	private static String secret(HttpServletRequest request) {
		String bearer = Problems.bearer(request);
		return bearer != null ? bearer : request.getParameter(PARAMETER);
	}

}
