package org.broadsheet.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.broadsheet.shared.InvalidInput;
import org.junit.jupiter.api.Test;

/** List keys as stored and as forms and files send them. */
class ListKeyTest {

	@Test
	void keysReadBackAsWritten() {
		for (ListKey key : new ListKey[] { ListKey.SITE, ListKey.section(12), ListKey.author(5) }) {
			assertThat(ListKey.parse("lists", key.toString())).isEqualTo(key);
		}
		assertThat(ListKey.section(12)).hasToString("section:12");
	}

	@Test
	void severalKeysAreJoinedWithSpacesAndOldCommaRowsReadAlike() {
		var keys = java.util.List.of(ListKey.SITE, ListKey.section(3), ListKey.author(7));
		assertThat(ListKey.join(keys)).isEqualTo("site section:3 author:7");
		assertThat(ListKey.split("list_keys", ListKey.join(keys))).isEqualTo(keys);
		assertThat(ListKey.split("list_keys", "site,section:3,author:7")).isEqualTo(keys);
		assertThat(ListKey.split("list_keys", " site, section:3  author:7 ")).isEqualTo(keys);
		assertThat(ListKey.join(java.util.List.of())).isEmpty();
		assertThat(ListKey.split("list_keys", "")).isEmpty();
		assertThat(ListKey.split("list_keys", null)).isEmpty();
		assertThatThrownBy(() -> ListKey.split("list_keys", "site;section:3"))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> assertThat(ex.field()).isEqualTo("list_keys"));
	}

	@Test
	void anythingElseIsRefusedNamingTheField() {
		for (String bad : new String[] { null, "", "site:1", "section:", "section:0", "section:012", "tag:3",
				"author:-1", "author:1234567890123456789", "section:1 " }) {
			assertThatThrownBy(() -> ListKey.parse("lists", bad)).as(bad)
				.isInstanceOfSatisfying(InvalidInput.class, ex -> {
					assertThat(ex.field()).isEqualTo("lists");
					assertThat(ex.key()).isEqualTo("newsletter.invalid.list");
				});
		}
		assertThatThrownBy(() -> new ListKey(ListKey.Kind.SITE, 3)).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> ListKey.author(0)).isInstanceOf(InvalidInput.class);
	}

}
