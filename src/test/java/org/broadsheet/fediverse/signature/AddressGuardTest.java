package org.broadsheet.fediverse.signature;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;

import org.broadsheet.fediverse.signature.FetchFailed.Reason;
import org.broadsheet.shared.PublicAddresses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SSRF guard: which addresses a fetch may go to. */
class AddressGuardTest {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.1.2.3", "0.0.0.0", "0.1.2.3", "10.0.0.5", "172.16.0.1", "172.31.255.255",
			"192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "224.0.0.1", "239.255.255.250",
			"255.255.255.255", "240.0.0.1", "192.0.2.10", "198.18.0.1", "198.51.100.7", "203.0.113.9", "192.0.0.8",
			"::", "::1", "fe80::1", "fec0::1", "fc00::1", "fd12:3456::1", "ff02::1", "2001:db8::1", "::127.0.0.1",
			"64:ff9b::a00:5", "2002:a00:5::1", "2002:7f00:1::", "192.88.99.1", "2001:0:4136:e378::1",
			"64:ff9b:1::5db8:d822", "::ffff:0:7f00:1", "::ffff:0:a00:5" })
	void nonPublicAddressesAreRefused(String literal) throws UnknownHostException {
		assertThat(PublicAddresses.isPublic(InetAddress.getByName(literal))).as(literal).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.216.34", "1.1.1.1", "172.32.0.1", "172.15.255.255", "100.128.0.1", "100.63.0.1",
			"192.169.0.1", "2606:4700::1111", "2a01:4f8::1", "64:ff9b::5db8:d822", "::ffff:0:5db8:d822",
			"2001:4860::8888" })
	void publicAddressesPass(String literal) throws UnknownHostException {
		assertThat(PublicAddresses.isPublic(InetAddress.getByName(literal))).as(literal).isTrue();
	}

	@Test
	void ipv4MappedIpv6FormsAreJudgedByTheirIpv4Address() throws UnknownHostException {
		byte[] mapped = new byte[16];
		mapped[10] = (byte) 0xff;
		mapped[11] = (byte) 0xff;
		mapped[12] = 127;
		mapped[15] = 1;
		InetAddress loopback = Inet6Address.getByAddress(null, mapped, null);
		mapped[12] = 10;
		InetAddress privateOne = Inet6Address.getByAddress(null, mapped, null);
		mapped[12] = 93;
		mapped[13] = (byte) 184;
		InetAddress publicOne = Inet6Address.getByAddress(null, mapped, null);

		assertThat(loopback).isInstanceOf(Inet6Address.class);
		assertThat(PublicAddresses.isPublic(loopback)).isFalse();
		assertThat(PublicAddresses.isPublic(privateOne)).isFalse();
		assertThat(PublicAddresses.isPublic(publicOne)).isTrue();
		// literals in URIs: Java reads ::ffff:a.b.c.d as the IPv4 address itself
		assertThat(PublicAddresses.isPublic(InetAddress.getByName("::ffff:127.0.0.1"))).isFalse();
		assertThat(PublicAddresses.isPublic(InetAddress.getByName("::ffff:7f00:1"))).isFalse();
	}

	@Test
	void namesAreResolvedAndEveryAddressMustBePublic() throws UnknownHostException {
		Map<String, InetAddress[]> dns = Map.of("intranet.example",
				new InetAddress[] { InetAddress.getByName("10.1.2.3") }, "rebind.example",
				new InetAddress[] { InetAddress.getByName("93.184.216.34"), InetAddress.getByName("127.0.0.1") },
				"social.example", new InetAddress[] { InetAddress.getByName("93.184.216.34") });
		AddressGuard guard = new AddressGuard(false, host -> {
			InetAddress[] found = dns.get(host);
			if (found == null) {
				return InetAddress.getAllByName(host);
			}
			return found;
		});

		guard.check(URI.create("https://social.example/users/alice"));
		for (String uri : new String[] { "https://intranet.example/", "https://rebind.example/", "https://localhost/",
				"https://127.0.0.1:8080/", "https://[::1]/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:a00:1]/",
				"http://169.254.169.254/latest/meta-data/", "https://100.64.0.1/" }) {
			assertThatThrownBy(() -> guard.check(URI.create(uri))).as(uri)
				.isInstanceOfSatisfying(FetchFailed.class,
						ex -> assertThat(ex.reason()).isEqualTo(Reason.REFUSED_ADDRESS));
		}
		assertThatThrownBy(() -> guard.check(URI.create("https://unknown.invalid/")))
			.isInstanceOfSatisfying(FetchFailed.class, ex -> assertThat(ex.reason()).isEqualTo(Reason.NETWORK));
	}

	@Test
	void theTestSwitchLetsPrivateAddressesThrough() {
		new AddressGuard(true, InetAddress::getAllByName).check(URI.create("http://127.0.0.1:8080/"));
	}

}
