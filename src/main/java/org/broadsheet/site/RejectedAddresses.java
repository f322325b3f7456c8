package org.broadsheet.site;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.shared.FormerAddresses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers what Spring Security's firewall refuses before any page (a path that is not
 * normalized, such as one with {@code //}): 400 Bad Request, unless it is, as sent, the
 * former address of a page ({@link FormerAddresses}) — WordPress printed such links for
 * hand-edited permalinks and readers still follow them — which answers 301 to where the
 * page lives now. The site's own addresses never reach here.
 */
@Component
class RejectedAddresses implements RequestRejectedHandler {

	private final FormerAddresses formerAddresses;

	RejectedAddresses(FormerAddresses formerAddresses) {
		this.formerAddresses = formerAddresses;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
			throws IOException {
		String method = request.getMethod();
		var moved = method.equals("GET") || method.equals("HEAD")
				? formerAddresses.current(request.getRequestURI(), request.getQueryString()) : Optional.<String>empty();
		if (moved.isPresent()) {
			response.setStatus(HttpStatus.MOVED_PERMANENTLY.value());
			response.setHeader(HttpHeaders.LOCATION, moved.get());
			return;
		}
		response.sendError(HttpStatus.BAD_REQUEST.value());
	}

}
