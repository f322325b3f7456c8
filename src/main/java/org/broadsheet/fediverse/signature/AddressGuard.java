package org.broadsheet.fediverse.signature;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.broadsheet.fediverse.signature.FetchFailed.Reason;
import org.broadsheet.shared.PublicAddresses;

/**
 * The SSRF guard: a URI whose host is, or resolves to, any address that is not on the
 * public internet ({@link PublicAddresses}) is refused, so that a peer cannot make this
 * server request its own admin ports, a cloud metadata service or the newsroom's network.
 * One bad address among several refuses the host. The HTTP client resolves the name again
 * when it connects; the JVM's address cache (30 s by default) makes that the same answer
 * in practice.
 */
final class AddressGuard {

	/**
	 * Resolves a host name to its addresses (the system resolver, or a fixed map in
	 * tests).
	 */
	@FunctionalInterface
	interface Resolver {

		/**
		 * @param host a name or an address literal (IPv6 without brackets)
		 * @return every address it resolves to
		 * @throws UnknownHostException when it resolves to none
		 */
		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	private final boolean allowPrivate;

	private final Resolver resolver;

	/**
	 * @param allowPrivate let every address through (tests against servers on 127.0.0.1)
	 * @param resolver the name resolver
	 */
	AddressGuard(boolean allowPrivate, Resolver resolver) {
		this.allowPrivate = allowPrivate;
		this.resolver = resolver;
	}

	/**
	 * @param uri an absolute URI about to be requested
	 * @throws FetchFailed with reason REFUSED_ADDRESS when its host resolves to a
	 * non-public address, or NETWORK when it resolves to none
	 */
	void check(URI uri) {
		String host = uri.getHost();
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		InetAddress[] addresses;
		try {
			addresses = resolver.resolve(host);
		}
		catch (UnknownHostException ex) {
			throw new FetchFailed(Reason.NETWORK, "unknown host " + host, 0, ex);
		}
		if (addresses.length == 0) {
			throw new FetchFailed(Reason.NETWORK, "unknown host " + host);
		}
		if (allowPrivate) {
			return;
		}
		for (InetAddress address : addresses) {
			if (!PublicAddresses.isPublic(address)) {
				throw new FetchFailed(Reason.REFUSED_ADDRESS,
						host + " is " + address.getHostAddress() + ", not a public address");
			}
		}
	}

}
