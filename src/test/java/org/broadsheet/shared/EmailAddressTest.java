package org.broadsheet.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The one address check: what a mailbox address is, and what could forge a header. */
class EmailAddressTest {

	@Test
	void plainMailboxesPass() {
		for (String good : List.of("ana@news.test", "Ana.Reader+news@Example.ORG", "o'brien@example.ie",
				"rené@exämple.de", "ana@xn--bcher-kva.example", "a@b-c.example", "x".repeat(64) + "@example.com",
				"a@" + "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(63) + "." + "g".repeat(60))) {
			assertThat(EmailAddress.valid(good)).as(good).isTrue();
		}
		assertThat(
				("a@" + "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(63) + "." + "g".repeat(60)).length())
			.isEqualTo(EmailAddress.MAX_LENGTH);
	}

	@Test
	void headerInjectionAndControlCharactersAreRefused() {
		for (String bad : List.of("ana@news.test\r\nBcc: victim@news.test", "ana@news.test\nBcc: victim@news.test",
				"ana@news.test\r", "ana\n@news.test", "ana@news.test\u0000", "ana@news.test\u0085",
				"ana@news.test\u2028Bcc: victim@news.test", "ana@news\u2029.test", "ana@news.test\t",
				"ana\u007f@news.test")) {
			assertThat(EmailAddress.valid(bad)).as(bad).isFalse();
		}
		assertThat(EmailAddress.hasControl("Ana\r\nBcc: x@y.z")).isTrue();
		assertThat(EmailAddress.hasControl("Ana\u2028Reader")).isTrue();
		assertThat(EmailAddress.hasControl("Łukasz “Lu” Ab")).isFalse();
	}

	@Test
	void displayNamesGroupsListsAndCommentsAreNotBareAddresses() {
		for (String bad : List.of("Ana <ana@news.test>", "<ana@news.test>", "\"Ana\" <ana@news.test>",
				"ana@news.test (Ana)", "friends: ana@news.test, bob@news.test;", "friends:;", "g: ana@news.test;",
				"ana@news.test, bob@news.test", "ana@news.test; bob@news.test", "@route.test:ana@news.test")) {
			assertThat(EmailAddress.valid(bad)).as(bad).isFalse();
		}
	}

	@Test
	void malformedAddressesAreRefused() {
		for (String bad : List.of("", "not-an-address", "@news.test", "ana@", "a@b@c.test", "ana@localhost",
				"ana.@news.test", ".ana@news.test", "a..b@news.test", "ana@news..test", "ana@news.test.",
				"ana@-news.test", "ana@news-.test", "ana@news_test.org", "a b@news.test", "\"quoted\"@news.test",
				"\"a b\"@news.test", "ana@[127.0.0.1]", "x".repeat(65) + "@news.test", "x".repeat(245) + "@news.test",
				"ana@" + "d".repeat(64) + ".test")) {
			assertThat(EmailAddress.valid(bad)).as(bad).isFalse();
		}
		assertThat(EmailAddress.valid(null)).isFalse();
	}

	@Test
	void checkedTrimsOrNamesTheField() {
		assertThat(EmailAddress.checked("email", "newsletter.invalid.email", "  ana@news.test \n"))
			.isEqualTo("ana@news.test");
		assertThatThrownBy(() -> EmailAddress.checked("email", "newsletter.invalid.email", "Ana <ana@news.test>"))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> {
				assertThat(ex.field()).isEqualTo("email");
				assertThat(ex.key()).isEqualTo("newsletter.invalid.email");
			});
		assertThatThrownBy(() -> EmailAddress.checked("email", "newsletter.invalid.email", null))
			.isInstanceOf(InvalidInput.class);
	}

}
