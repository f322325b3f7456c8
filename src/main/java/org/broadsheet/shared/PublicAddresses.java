package org.broadsheet.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Which addresses are on the public internet, the one rule of every server-side request
 * to an address someone else chose (fediverse fetches and deliveries, webhooks), so that
 * it cannot reach this server's own ports, a cloud metadata service or the internal
 * network (server-side request forgery). Not public: the special-purpose ranges of
 * {@link #NOT_PUBLIC} (IANA's special-purpose address registries, RFC 6890), and IPv6
 * forms that carry a non-public IPv4 address ({@link #CARRYING_IPV4}). Ranges are matched
 * by Spring Security's {@link IpAddressMatcher}.
 */
public final class PublicAddresses {

	/** The ranges no request of ours goes to. */
	private static final List<IpAddressMatcher> NOT_PUBLIC = matchers(
			// IPv4: "this network", private (RFC 1918), carrier-grade NAT (RFC 6598),
			// loopback
			"0.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8",
			// link-local, IETF protocol assignments, 6to4 relay anycast (RFC 7526)
			"169.254.0.0/16", "192.0.0.0/24", "192.88.99.0/24",
			// documentation (RFC 5737), benchmarking (RFC 2544)
			"192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "198.18.0.0/15",
			// multicast (224/4), reserved (240/4) and broadcast
			"224.0.0.0/3",
			// IPv6: unspecified, loopback, unique local, link-local, site-local,
			// multicast
			"::/128", "::1/128", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
			// documentation; Teredo and local-use NAT64 reach IPv4 hosts we cannot judge
			"2001:db8::/32", "2001::/32", "64:ff9b:1::/48");

	/**
	 * IPv6 forms that carry an IPv4 address, judged as that address: IPv4-compatible
	 * ({@code ::/96}), IPv4-translated ({@code ::ffff:0:0:0/96}), NAT64
	 * ({@code 64:ff9b::/96}), each in the last four bytes, and 6to4 ({@code 2002::/16})
	 * in bytes 2 to 5. IPv4-mapped addresses ({@code ::ffff:0:0/96}) are IPv4 addresses
	 * to Java already.
	 */
	private static final List<Carrier> CARRYING_IPV4 = List.of(new Carrier("::/96", 12),
			new Carrier("::ffff:0:0:0/96", 12), new Carrier("64:ff9b::/96", 12), new Carrier("2002::/16", 2));

	private PublicAddresses() {
	}

	/**
	 * @param address an IPv4 or IPv6 address (a scope id is ignored)
	 * @return whether it is a public unicast address (see the class's list)
	 */
	public static boolean isPublic(InetAddress address) {
		// Without a scope id, as IpAddressMatcher parses it.
		String literal = address(address.getAddress()).getHostAddress();
		if (NOT_PUBLIC.stream().anyMatch(range -> range.matches(literal))) {
			return false;
		}
		for (Carrier carrier : CARRYING_IPV4) {
			if (carrier.prefix().matches(literal)) {
				byte[] bytes = address.getAddress();
				return isPublic(address(Arrays.copyOfRange(bytes, carrier.offset(), carrier.offset() + 4)));
			}
		}
		return true;
	}

	/** A prefix whose addresses carry an IPv4 address from byte {@code offset} on. */
	private record Carrier(IpAddressMatcher prefix, int offset) {

		Carrier(String prefix, int offset) {
			this(new IpAddressMatcher(prefix), offset);
		}

	}

	private static List<IpAddressMatcher> matchers(String... ranges) {
		return Arrays.stream(ranges).map(IpAddressMatcher::new).toList();
	}

	private static InetAddress address(byte[] bytes) {
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			// Only for a length other than 4 or 16, which InetAddress never gives.
			throw new IllegalArgumentException("not an IP address of 4 or 16 bytes", ex);
		}
	}

}
