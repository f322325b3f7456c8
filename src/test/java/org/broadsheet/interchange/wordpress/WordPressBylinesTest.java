package org.broadsheet.interchange.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.interchange.wordpress.WordPressBylines.Person;
import org.junit.jupiter.api.Test;

class WordPressBylinesTest {

	private final List<String> notes = new ArrayList<>();

	private static final Wxr.Author ALICE = new Wxr.Author("1", "alice", "alice@port.example", "Alice Archer", 1);

	@Test
	void aCoAuthorOnlyInTheAuthorTermsIsReadFromTheTermsDescription() {
		var bylines = new WordPressBylines(Map.of("alice", ALICE), List.of(),
				Map.of("cap-erin", new Wxr.TaxonomyTerm("author", "cap-erin", "erin",
						"Erin East Erin East erin 12 erin@east.example", 3)));
		var byline = bylines.of(item("", List.of(author("cap-erin", "erin"), author("cap-zed", "zed"))), notes::add);
		assertThat(byline).containsExactly(new Person("erin", "Erin East", "erin@east.example", "", ""),
				new Person("zed", "zed", "", "", ""));
		assertThat(notes).anyMatch(n -> n.startsWith("co-author 'erin' is only in the author terms"))
			.anyMatch(n -> n.contains("'zed' is neither in the file's authors nor a guest author"));
	}

	@Test
	void aGuestAuthorWithoutDisplayNameIsNamedByFirstAndLastName() {
		Map<String, List<String>> meta = new LinkedHashMap<>();
		meta.put("cap-first_name", List.of("Fay"));
		meta.put("cap-last_name", List.of("Field"));
		meta.put("cap-website", List.of("not a url"));
		var guest = WordPressBylines.guest(new Wxr.Item(9, "", "", "", "", "", "", "", "40", "", "", "", "",
				"cap-fay-field", "publish", "", "guest-author", "", "", "", List.of(), meta, List.of()));
		assertThat(guest).isEqualTo(new Person("fay-field", "Fay Field", "", "", ""));
	}

	@Test
	void withoutACreatorTheOnlyAuthorIsTheBylineAndOtherwiseNoOneIsGuessed() {
		assertThat(new WordPressBylines(Map.of("alice", ALICE), List.of(), Map.of()).creator(" ", notes::add).name())
			.isEqualTo("Alice Archer");
		var two = new WordPressBylines(Map.of("alice", ALICE, "Alice", ALICE), List.of(), Map.of());
		assertThat(two.creator("", notes::add).name()).isEqualTo(WordPressBylines.UNKNOWN);
		// Two logins differing only in case: "ALICE" is neither of them for sure.
		assertThat(two.creator("ALICE", notes::add).name()).isEqualTo("ALICE");
		assertThat(two.creator("???", notes::add).name()).isEqualTo(WordPressBylines.UNKNOWN);
	}

	@Test
	void nicenamesAreWhatWordPressMakesOfLogins() {
		assertThat(WordPressBylines.nicename(" Carol.White ")).isEqualTo("carol-white");
		assertThat(WordPressBylines.nicename("Ωmega  Writer!")).isEqualTo("ωmega-writer");
	}

	private static Wxr.Term author(String nicename, String name) {
		return new Wxr.Term("author", nicename, name);
	}

	private static Wxr.Item item(String creator, List<Wxr.Term> terms) {
		return new Wxr.Item(5, "Post", "", "", "", creator, "", "", "1", "", "", "", "", "post", "publish", "", "post",
				"", "", "", terms, Map.of(), List.of());
	}

}
