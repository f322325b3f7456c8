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
