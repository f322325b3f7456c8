package org.broadsheet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;

import org.junit.jupiter.api.Test;

class LinksTest {

	@Test
	void encodesEveryReservedCharacterOfAValueAndLeavesOutNulls() {
		var params = new LinkedHashMap<String, Object>();
		params.put("q", "R&D = a+b c");
		params.put("tag", "C++");
		params.put("section", null);
		params.put("page", 2);
		assertThat(Links.withQuery("/search", params))
			.isEqualTo("/search?q=R%26D%20%3D%20a%2Bb%20c&tag=C%2B%2B&page=2");
		assertThat(Links.withQuery("/search", new LinkedHashMap<>())).isEqualTo("/search");
		params.clear();
		params.put("tag", "ខ្មែរ");
		assertThat(Links.withQuery("/search", params)).startsWith("/search?tag=%E1%9E%81");
	}

}
