package org.broadsheet.fediverse.signature;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

import org.broadsheet.fediverse.signature.FetchFailed.Reason;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * POSTs signed activities to remote inboxes (ActivityPub §7, delivery): the same rules as
 * {@link RemoteDocuments} ({@code https:} only unless {@link FetchSettings#allowHttp()},
 * the SSRF guard {@link AddressGuard} before the request, no redirects followed, no
 * proxy, the connect and response timeouts), signed draft-cavage style with a
 * {@code Digest} (RFC 3230) as Mastodon expects. The response body is not read.
 */
@Component
public class RemotePosts {

	/** The media type of activities (ActivityPub §3.2). */
	public static final String ACTIVITY_JSON = "application/activity+json";

	private final HttpSignatures signatures;

	private final FetchSettings settings;

	private final AddressGuard guard;

	private final HttpClient client;

	/**
	 * @param signatures signs each POST
	 * @param settings limits and the test switches
	 */
	@Autowired
	public RemotePosts(HttpSignatures signatures, FetchSettings settings) {
		this.signatures = signatures;
		this.settings = settings;
		this.guard = new AddressGuard(settings.allowPrivateAddresses(), InetAddress::getAllByName);
		this.client = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.proxy(HttpClient.Builder.NO_PROXY)
			.build();
	}

	/**
	 * @param inbox the remote inbox, e.g. {@code https://social.example/inbox}
	 * @param body the activity, JSON in UTF-8
	 * @param key the sending actor's key
	 * @return the response's HTTP status (any: the caller decides what it means)
	 * @throws FetchFailed with reason REFUSED_SCHEME, REFUSED_ADDRESS, TIMEOUT or NETWORK
	 * when no response was had
	 */
	public int post(URI inbox, byte[] body, SigningKey key) {
		String scheme = inbox.getScheme() == null ? "" : inbox.getScheme().toLowerCase(Locale.ROOT);
		if (inbox.getHost() == null || !(scheme.equals("https") || (scheme.equals("http") && settings.allowHttp()))) {
			throw new FetchFailed(Reason.REFUSED_SCHEME, "only https inboxes with a host are posted to: " + inbox);
		}
		guard.check(inbox);
		SignedRequest signed = signatures.sign(new SignedRequest("POST", inbox,
				java.util.Map.of("Content-Type", java.util.List.of(ACTIVITY_JSON)), body), key.keyId(),
				key.privateKey(), SignatureStyle.CAVAGE);
		HttpRequest.Builder request = HttpRequest.newBuilder(inbox)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.timeout(settings.readTimeout())
			.header("Content-Type", ACTIVITY_JSON)
			.header("User-Agent", "Broadsheet (ActivityPub)");
		for (String name : new String[] { "Date", "Digest", "Signature" }) {
			String value = signed.header(name);
			if (value != null) {
				request.header(name, value);
			}
		}
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (HttpTimeoutException ex) {
			throw new FetchFailed(Reason.TIMEOUT, inbox + ": " + ex.getMessage(), 0, ex);
		}
		catch (IOException ex) {
			throw new FetchFailed(Reason.NETWORK, inbox + ": " + ex, 0, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FetchFailed(Reason.NETWORK, "interrupted posting to " + inbox, 0, ex);
		}
	}

}
