package org.broadsheet.account;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.shared.EmbedFrames;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;

/**
 * The security headers every response carries: a Content-Security-Policy with scripts and
 * styles from the site only, {@code nosniff}, {@code SAMEORIGIN} framing and a strict
 * referrer policy. The filter chains send them ({@link SecurityConfiguration}); responses
 * the chains never see (requests the firewall or the servlet container refuses, error
 * dispatches) get them from {@link #write}, called by the container for every request.
 */
public final class SecurityHeaders {

	/**
	 * Scripts and styles only from the site itself; pictures in article bodies may be
	 * elsewhere; frames only of the site and of the embed players a reader asked for
	 * (click-to-load, {@link EmbedFrames}).
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' https: data:; frame-src 'self' " + String.join(" ", EmbedFrames.ORIGINS)
			+ "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

	static final ReferrerPolicy REFERRER = ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN;

	private static final List<HeaderWriter> WRITERS = List.of(
			new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY), new XContentTypeOptionsHeaderWriter(),
			new XFrameOptionsHeaderWriter(XFrameOptionsMode.SAMEORIGIN), new ReferrerPolicyHeaderWriter(REFERRER));

	private SecurityHeaders() {
	}

	/**
	 * Adds each of the headers the response does not have yet (Spring Security's writers:
	 * none twice).
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response) {
		WRITERS.forEach(writer -> writer.writeHeaders(request, response));
	}

}
