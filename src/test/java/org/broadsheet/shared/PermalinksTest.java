package org.broadsheet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PermalinksTest {

	@Test
	void everyReaderPathHasItsShapeAndKeepsItsScript() {
		assertThat(Permalinks.article("news", "a-story")).isEqualTo("/news/a-story");
		assertThat(Permalinks.section("news")).isEqualTo("/news/");
		assertThat(Permalinks.tag("russia")).isEqualTo("/tag/russia");
		assertThat(Permalinks.author("ann-writer")).isEqualTo("/author/ann-writer");
		// Percent-encoded UTF-8 (RFC 3986), never transliterated; a slash in a slug stays
		// inside its segment.
		assertThat(Permalinks.article("ព័ត៌មាន", "a/b"))
			.isEqualTo("/%E1%9E%96%E1%9F%90%E1%9E%8F%E1%9F%8C%E1%9E%98%E1%9E%B6%E1%9E%93/a%2Fb");
	}

}
