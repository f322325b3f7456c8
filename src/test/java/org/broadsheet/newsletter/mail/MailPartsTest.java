package org.broadsheet.newsletter.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The pieces of an e-mail without a site: the body cleaned for mail clients even when it
 * holds active content, its plain text, display names that cannot break headers,
 * per-recipient markers, and the DKIM settings' errors.
 */
class MailPartsTest {

	static final String ARTICLE = "https://news.example.org/opinion/story";

	@Test
	void aBodyLosesActiveContentAndGetsAbsoluteFirstPartyAddresses() {
		String body = MailHtml.body(
				"""
						<p onclick="steal()">Hi <a href="/about" onmouseover="x()">about</a> <a href="javascript:alert(1)">js</a>
						<a href="#fn1">1</a></p><script>alert(1)</script><style>p{}</style>
						<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe><video src="/media/clip.mp4"></video>
						<form action="https://evil.example.com/"><input name="q"><button>Go</button></form>
						<img src="/media/a.jpg" width="1200" height="600" srcset="/media/a-480.jpg 480w" alt="A" onerror="x()">
						<img src="https://tracker.example.com/p.gif" alt="">
						<figure class="embed" data-embed-src="https://player.vimeo.com/video/1"><p><a href="https://vimeo.com/1">Vimeo</a></p></figure>
						<table><tr><td style="color:red">cell</td></tr></table>""",
				ARTICLE);
		var html = Jsoup.parseBodyFragment(body);
		assertThat(html.select("script, style, iframe, video, form, input, button")).isEmpty();
		assertThat(html.getAllElements()).allSatisfy(element -> assertThat(element.attributes().asList()).noneMatch(
				a -> a.getKey().startsWith("on") || a.getKey().startsWith("data-") || a.getKey().equals("srcset")));
		assertThat(html.select("a").eachAttr("href")).containsExactly("https://news.example.org/about",
				ARTICLE + "#fn1", "https://www.youtube-nocookie.com/embed/abc",
				"https://news.example.org/media/clip.mp4", "https://tracker.example.com/p.gif", "https://vimeo.com/1");
		assertThat(html.selectFirst("a:contains(js)").hasAttr("href")).as("javascript: is no link").isFalse();
		assertThat(html.select("img")).hasSize(1);
		var image = html.selectFirst("img");
		assertThat(image.attr("src")).isEqualTo("https://news.example.org/media/a.jpg");
		assertThat(image.attr("width")).isEqualTo("552");
		assertThat(image.attr("height")).isEqualTo("276");
		assertThat(image.attr("style")).contains("max-width:100%");
		assertThat(html.selectFirst("td").attr("style")).doesNotContain("red").contains("border");
		assertThat(html.selectFirst("a").attr("style")).contains("color:#0b57d0");
		assertThat(html.selectFirst("a").hasClass("bs-link")).isTrue();
	}

	@Test
	void plainTextKeepsParagraphsListsAndLinks() {
		String text = PlainText.of("""
				<h2>Heading</h2><p>One <a href="https://a.example/x">link</a> and
				<a href="https://a.example/y">https://a.example/y</a>.</p>
				<ul><li>first</li><li>second</li></ul><pre>  kept
				  spacing</pre><img src="https://a.example/i.jpg" alt="A picture"><hr>
				<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table><p>line<br>break</p>""");
		assertThat(text).isEqualTo("""
				Heading

				One link <https://a.example/x> and https://a.example/y.

				- first
				- second

				  kept
				  spacing

				[A picture]

				----

				a | b
				1 | 2

				line
				break""");
	}

	@Test
	void displayNamesLoseEveryLineBreakAndControlCharacter() throws Exception {
		assertThat(MailAddresses.displayName("Eve\r\nBcc: v@example.org\u0085\u2028\u2029\u0000\tX\u200E"))
			.isEqualTo("Eve Bcc: v@example.org X");
		assertThat(MailAddresses.displayName(" \r\n ")).isNull();
		assertThat(MailAddresses.displayName(null)).isNull();
		assertThat(MailAddresses.displayName("x".repeat(300))).hasSize(MailAddresses.MAX_NAME);
		assertThat(MailAddresses.displayName("زهرا\u200Cی")).isEqualTo("زهرا\u200Cی");
		var address = MailAddresses.address("a@example.com", "Łukasz \"Lu\"\nBcc: x@example.org");
		assertThat(address.toString()).doesNotContain("\r", "\n").startsWith("=?UTF-8?");
		assertThat(MailAddresses.address("a@example.com", "Plain \"Quote\"").toString())
			.isEqualTo("\"Plain \\\"Quote\\\"\" <a@example.com>");
		assertThatThrownBy(() -> MailAddresses.address("a@example.com\r\nBcc: b@example.org", null))
			.isInstanceOf(jakarta.mail.internet.AddressException.class);
		assertThatThrownBy(() -> MailAddresses.address("Name <a@example.com>", null))
			.isInstanceOf(jakarta.mail.internet.AddressException.class);
	}

	@Test
	void segmentsJoinEachRecipientsValues() {
		var segments = MailSegments.of("a" + MailSegments.PREFERENCES + "b\u0001c" + MailSegments.UNSUBSCRIBE + "d"
				+ MailSegments.EMAIL + "e\u0001");
		assertThat(segments.fill("P", "U", "E")).isEqualTo("aPb\u0001cUdEe\u0001");
		assertThat(MailSegments.of("none").fill("P", "U", "E")).isEqualTo("none");
	}

	@Test
	void dkimNeedsAllThreeSettingsAndAPkcs8Key() throws Exception {
		assertThat(new DkimSigning("", "", "").enabled()).isFalse();
		assertThatThrownBy(() -> new DkimSigning("example.org", "", "")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining(".selector");
		var pkcs1 = Files.createTempFile("rsa", ".pem");
		Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
		assertThatThrownBy(() -> new DkimSigning("example.org", "s1", pkcs1.toString()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("openssl pkcs8");
		var broken = Files.createTempFile("broken", ".pem");
		Files.writeString(broken, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
		assertThatThrownBy(() -> new DkimSigning("example.org", "s1", broken.toString()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("cannot read an RSA key");
		assertThatThrownBy(() -> new DkimSigning("example.org", "s1", "/no/such/key.pem"))
			.isInstanceOf(IllegalStateException.class);
		var key = MailFixture.Key.generate();
		assertThat(new DkimSigning("example.org", "s1", key.pem().toString()).enabled()).isTrue();
	}

}
