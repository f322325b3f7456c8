package org.broadsheet.shared;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * Which addresses are on the public internet, the one rule of every server-side request
 * to an address someone else chose (fediverse fetches and deliveries, webhooks), so that
 * it cannot reach this server's own ports, a cloud metadata service or the internal
 * network (server-side request forgery). Not public: unspecified ({@code 0.0.0.0},
 * {@code ::}), loopback (127/8, {@code ::1}), private (10/8, 172.16/12, 192.168/16,
 * fc00::/7, fec0::/10), carrier-grade NAT (100.64/10, RFC 6598), link-local (169.254/16,
 * fe80::/10), multicast, "this network" (0/8), IETF, documentation and benchmarking
 * ranges (192.0.0/24, 192.0.2/24, 198.18/15, 198.51.100/24, 203.0.113/24, 2001:db8::/32;
 * RFC 6890), the reserved 240/4 and broadcast, and IPv6 forms that carry one of those
 * IPv4 addresses (IPv4-mapped {@code ::ffff:0:0/96}, IPv4-compatible {@code ::/96}, NAT64
 * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}).
 */
public final class PublicAddresses {

	private PublicAddresses() {
	}

	/**
	 * @param address an IPv4 or IPv6 address
	 * @return whether it is a public unicast address (see the class's list)
	 */
	public static boolean isPublic(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] b = address.getAddress();
		if (address instanceof Inet4Address) {
			return isPublicV4(b);
		}
		if (address instanceof Inet6Address) {
			return isPublicV6(b);
		}
		return false;
	}

	private static boolean isPublicV4(byte[] b) {
		int a0 = b[0] & 0xff;
		int a1 = b[1] & 0xff;
		int a2 = b[2] & 0xff;
		return !(a0 == 0 || a0 == 10 || a0 == 127 || a0 >= 224 || (a0 == 100 && a1 >= 64 && a1 <= 127)
				|| (a0 == 169 && a1 == 254) || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)
				|| (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) || (a0 == 198 && (a1 == 18 || a1 == 19))
				|| (a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113)
				|| (a0 == 192 && a1 == 88 && a2 == 99));
	}

	private static boolean isPublicV6(byte[] b) {
		int first = b[0] & 0xff;
		if ((first & 0xfe) == 0xfc || first == 0xff || (first == 0xfe && (b[1] & 0xc0) != 0)) {
			// fc00::/7 unique local, ff00::/8 multicast, fe80::/10 and fec0::/10
			return false;
		}
		boolean documentation = first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d
				&& (b[3] & 0xff) == 0xb8;
		// Teredo (2001::/32) and local-use NAT64 (64:ff9b:1::/48) reach IPv4 hosts we
		// cannot judge.
		boolean teredo = first == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0;
		boolean localNat64 = b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
				&& b[4] == 0 && b[5] == 1;
		if (documentation || teredo || localNat64) {
			return false;
		}
		boolean zeros80 = Arrays.equals(Arrays.copyOf(b, 10), new byte[10]);
		boolean mapped = zeros80 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
		boolean compatible = zeros80 && b[10] == 0 && b[11] == 0;
		boolean translated = Arrays.equals(Arrays.copyOf(b, 8), new byte[8]) && (b[8] & 0xff) == 0xff
				&& (b[9] & 0xff) == 0xff && b[10] == 0 && b[11] == 0;
		boolean nat64 = b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
				&& Arrays.equals(Arrays.copyOfRange(b, 4, 12), new byte[8]);
		if (mapped || compatible || translated || nat64) {
			return isPublicV4(Arrays.copyOfRange(b, 12, 16));
		}
		if (first == 0x20 && (b[1] & 0xff) == 0x02) {
			return isPublicV4(Arrays.copyOfRange(b, 2, 6));
		}
		return true;
	}

}
