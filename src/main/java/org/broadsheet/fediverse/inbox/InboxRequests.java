package org.broadsheet.fediverse.inbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.broadsheet.fediverse.signature.SignedRequest;

/**
 * A servlet request as {@link SignedRequest}: its URI rebuilt from the scheme, the
 * {@code Host} field (the address the peer signed) and the raw path and query.
 */
final class InboxRequests {

	private InboxRequests() {
	}

	/**
	 * @param request the received request
	 * @param body its body, already read
	 * @return the request for signature checks
	 * @throws org.broadsheet.shared.InvalidInput ({@code Host}) when it has no usable
	 * host
	 */
	static SignedRequest signed(HttpServletRequest request, byte[] body) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
		}
		String host = request.getHeader("Host");
		if (host == null || host.isBlank()) {
			host = request.getServerName() + ":" + request.getServerPort();
		}
		String query = request.getQueryString();
		try {
			URI uri = URI.create(
					request.getScheme() + "://" + host + request.getRequestURI() + (query == null ? "" : "?" + query));
			return new SignedRequest(request.getMethod(), uri, headers, body);
		}
		catch (IllegalArgumentException ex) {
			throw new org.broadsheet.shared.InvalidInput("Host", "fediverse.inbox.malformed");
		}
	}

}
