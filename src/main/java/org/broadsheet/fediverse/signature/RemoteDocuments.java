package org.broadsheet.fediverse.signature;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.broadsheet.fediverse.signature.FetchFailed.Reason;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * GETs ActivityPub documents (actors, keys, objects) from other servers, safely
 * (docs/fediverse.md, "Signatures and fetching"): {@code https:} only (unless
 * {@link FetchSettings#allowHttp()}), every host checked by the SSRF guard
 * ({@link AddressGuard}) before each request, redirects followed by hand at most
 * {@link FetchSettings#maxRedirects()} times with each hop checked again, a connect
 * timeout and an overall deadline for the whole response, bodies limited while they
 * stream, no proxy and no cookies. With a {@link SigningKey} the GET is signed
 * (draft-cavage, as Mastodon's authorized fetch expects).
 */
@Component
public class RemoteDocuments {

	/** What an ActivityPub GET accepts (ActivityPub §3.2). */
	public static final String ACCEPT = "application/activity+json, "
			+ "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";

	private static final String USER_AGENT = "Broadsheet (ActivityPub)";

	private final HttpSignatures signatures;

	private final FetchSettings settings;

	private final AddressGuard guard;

	private final HttpClient client;

	/**
	 * @param signatures signs authorized fetches
	 * @param settings limits and the test switches
	 */
	@Autowired
	public RemoteDocuments(HttpSignatures signatures, FetchSettings settings) {
		this(signatures, settings, InetAddress::getAllByName);
	}

	/**
	 * @param signatures signs authorized fetches
	 * @param settings limits and the test switches
	 * @param resolver resolves host names for the SSRF guard
	 */
	RemoteDocuments(HttpSignatures signatures, FetchSettings settings, AddressGuard.Resolver resolver) {
		this.signatures = signatures;
		this.settings = settings;
		this.guard = new AddressGuard(settings.allowPrivateAddresses(), resolver);
		this.client = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.proxy(HttpClient.Builder.NO_PROXY)
			.build();
	}

	/**
	 * @param uri the document's address, e.g. {@code https://social.example/users/alice}
	 * @return the document
	 * @throws FetchFailed with the reason when it cannot be had
	 */
	public RemoteDocument get(URI uri) {
		return get(uri, null);
	}

	/**
	 * @param uri the document's address
	 * @param key signs the GET (and each redirected GET) when not null
	 * @return the document
	 * @throws FetchFailed with the reason when it cannot be had
	 */
	public RemoteDocument get(URI uri, SigningKey key) {
		URI current = uri;
		for (int redirects = 0;; redirects++) {
			HttpResponse<byte[]> response = send(current, key);
			int status = response.statusCode();
			if (status >= 300 && status < 400 && status != 304) {
				String location = response.headers().firstValue("Location").orElse(null);
				if (location == null) {
					throw new FetchFailed(Reason.HTTP_STATUS, current + " answered " + status + " without Location",
							status, null);
				}
				if (redirects >= settings.maxRedirects()) {
					throw new FetchFailed(Reason.TOO_MANY_REDIRECTS,
							uri + " redirected more than " + settings.maxRedirects() + " times");
				}
				try {
					current = current.resolve(location.strip());
				}
				catch (IllegalArgumentException ex) {
					throw new FetchFailed(Reason.HTTP_STATUS, "bad Location " + location, status, ex);
				}
				continue;
			}
			if (status < 200 || status >= 300) {
				throw new FetchFailed(Reason.HTTP_STATUS, current + " answered " + status, status, null);
			}
			return new RemoteDocument(current, response.headers().firstValue("Content-Type").orElse(null),
					response.body());
		}
	}

	private HttpResponse<byte[]> send(URI uri, SigningKey key) {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (uri.getHost() == null || !(scheme.equals("https") || (scheme.equals("http") && settings.allowHttp()))) {
			throw new FetchFailed(Reason.REFUSED_SCHEME, "only https URIs with a host are fetched: " + uri);
		}
		guard.check(uri);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.GET()
			.timeout(settings.readTimeout())
			.header("Accept", ACCEPT)
			.header("User-Agent", USER_AGENT);
		if (key != null) {
			SignedRequest signed = signatures.sign(SignedRequest.of("GET", uri).withHeader("Accept", ACCEPT),
					key.keyId(), key.privateKey(), SignatureStyle.CAVAGE);
			request.header("Date", signed.header("Date")).header("Signature", signed.header("Signature"));
		}
		long limit = settings.maxResponseSize().toBytes();
		CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request.build(), info -> {
			int status = info.statusCode();
			if (status < 200 || status >= 300) {
				return BodySubscribers.replacing(new byte[0]);
			}
			return new LimitedBody(limit, info.headers().firstValueAsLong("Content-Length").orElse(-1));
		});
		try {
			return pending.get(settings.readTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			pending.cancel(true);
			throw new FetchFailed(Reason.TIMEOUT, uri + " sent no whole response within " + settings.readTimeout(), 0,
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FetchFailed(Reason.NETWORK, "interrupted fetching " + uri, 0, ex);
		}
		catch (ExecutionException ex) {
			throw failure(uri, ex.getCause());
		}
	}

	private FetchFailed failure(URI uri, Throwable cause) {
		Throwable root = cause;
		while (root != null) {
			if (root instanceof FetchFailed failed) {
				return failed;
			}
			if (root instanceof HttpConnectTimeoutException || root instanceof java.net.http.HttpTimeoutException) {
				return new FetchFailed(Reason.TIMEOUT, uri + ": " + root.getMessage(), 0, cause);
			}
			root = root.getCause();
		}
		String what = cause instanceof IOException ? cause.toString() : String.valueOf(cause);
		return new FetchFailed(Reason.NETWORK, uri + ": " + what, 0, cause);
	}

}
