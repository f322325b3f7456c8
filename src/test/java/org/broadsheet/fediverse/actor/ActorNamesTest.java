package org.broadsheet.fediverse.actor;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;

import org.junit.jupiter.api.Test;

/** Handles, hashtags, summaries and PEM armour, without a site. */
class ActorNamesTest {

	@Test
	void handleComesFromTheBaseUrlsHost() {
		assertThat(Actors.defaultHandle("https://news.example")).isEqualTo("news");
		assertThat(Actors.defaultHandle("https://www.courier.example")).isEqualTo("courier");
		assertThat(Actors.defaultHandle("https://Opinion.Paper.example:8443")).isEqualTo("opinion");
		assertThat(Actors.defaultHandle("")).isEqualTo("news");
		assertThat(Actors.defaultHandle("http://localhost:8080")).isEqualTo("news");
		assertThat(Actors.defaultHandle("http://10.0.0.7")).isEqualTo("news");
		assertThat(Actors.defaultHandle("http://[::1]:8080")).isEqualTo("news");
	}

	@Test
	void hashtagsAreOneWord() {
		assertThat(ArticleObjects.hashtagName("Foreign policy")).isEqualTo("ForeignPolicy");
		assertThat(ArticleObjects.hashtagName("Ports")).isEqualTo("Ports");
		assertThat(ArticleObjects.hashtagName("north-korea")).isEqualTo("NorthKorea");
		assertThat(ArticleObjects.hashtagName("Россия и Китай")).isEqualTo("РоссияИКитай");
	}

	@Test
	void summariesAreEscapedParagraphs() {
		assertThat(Actors.paragraphs("Fellow <b>\n\nWrites on \"trade\""))
			.isEqualTo("<p>Fellow &lt;b&gt;</p><p>Writes on &quot;trade&quot;</p>");
		assertThat(Actors.paragraphs("  ")).isNull();
	}

	@Test
	void pemReadsBackWhatItWrote() throws Exception {
		var generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		var pair = generator.generateKeyPair();
		String pem = Pem.publicKey(pair.getPublic());
		assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
		assertThat(pem.lines().filter(line -> !line.startsWith("-----")).allMatch(line -> line.length() <= 64))
			.isTrue();
		assertThat(Pem.readPublicKey(pem)).isEqualTo(pair.getPublic());
		assertThat(Pem.readPrivateKey(Pem.privateKey(pair.getPrivate()))).isEqualTo(pair.getPrivate());
	}

}
