package org.broadsheet.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

/**
 * A cached body cut at its placeholders comes back whole, identity and gzip, with any
 * parts.
 */
class SplicingTest {

	@Test
	void partsOfAnySizeAreSplicedIntoIdentityAndGzipBodies() throws IOException {
		String page = "<form><input value=\"" + ResponsePart.placeholder("csrf", "") + "\">" + "<input value=\""
				+ ResponsePart.placeholder("comment-token", "42") + "\"></form>é"
				+ ResponsePart.placeholder("csrf", "");
		var cut = Splicing.cut(page.getBytes(StandardCharsets.UTF_8));
		assertThat(cut.slots()).extracting(Splicing.Slot::name).containsExactly("csrf", "comment-token", "csrf");
		assertThat(cut.slots().get(1).argument()).isEqualTo("42");
		var deflated = Splicing.deflate(cut.pieces());
		for (List<String> parts : List.of(List.of("a", "b", "c"), List.of("", "", ""),
				List.of("x".repeat(70_000), "ü", "y".repeat(65_535)))) {
			var bytes = parts.stream().map(p -> p.getBytes(StandardCharsets.UTF_8)).toList();
			String expected = "<form><input value=\"" + parts.get(0) + "\"><input value=\"" + parts.get(1)
					+ "\"></form>é" + parts.get(2);
			var identity = new ByteArrayOutputStream();
			long written = Splicing.writeIdentity(cut.pieces(), bytes, identity);
			assertThat(identity.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
			assertThat(written).isEqualTo(Splicing.identityLength(cut.pieces(), bytes)).isEqualTo(identity.size());
			var gzip = new ByteArrayOutputStream();
			Splicing.writeGzip(deflated, cut.pieces(), bytes, gzip);
			assertThat(gzip.size()).isEqualTo(Splicing.gzipLength(deflated, bytes));
			try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip.toByteArray()))) {
				assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(expected);
			}
		}
	}

	@Test
	void aPageWithoutPartsIsOneGzipMember() throws IOException {
		byte[] body = "<p>plain</p>".repeat(1000).getBytes(StandardCharsets.UTF_8);
		var cut = Splicing.cut(body);
		assertThat(cut.slots()).isEmpty();
		byte[] gzip = Splicing.gzip(Splicing.deflate(cut.pieces()), cut.pieces());
		try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
			assertThat(in.readAllBytes()).isEqualTo(body);
		}
		assertThat(gzip.length).isLessThan(body.length / 10);
	}

}
