package org.broadsheet.interchange.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Values read from WordPress exports. */
class WxrValuesTest {

	/**
	 * A title cut to the longest allowed must not end in half a character, which the
	 * article rules refuse.
	 */
	@Test
	void cuttingNeverSplitsASurrogatePair() {
		assertThat(WxrValues.shorten("a😀😀", 3)).isEqualTo("a…");
		assertThat(WxrValues.shorten("ab😀😀", 3)).isEqualTo("ab…");
		assertThat(WxrValues.shorten("a😀😀", 4)).isEqualTo("a😀…");
		assertThat(WxrValues.shorten("short", 80)).isEqualTo("short");
	}

}
