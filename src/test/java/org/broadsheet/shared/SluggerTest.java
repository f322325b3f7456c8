package org.broadsheet.shared;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SluggerTest {

	private final Slugger keepScript = new Slugger(false);

	private final Slugger ascii = new Slugger(true);

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Russia’s N Korea approach                | russias-n-korea-approach
			  Hello,   World!                        | hello-world
			Crème brûlée à la française              | crème-brûlée-à-la-française
			Россия и Корея                           | россия-и-корея
			مكتبة الحي تفتح أبوابها ليلاً                | مكتبة-الحي-تفتح-أبوابها-ليلاً
			កម្ពុជា ត្រូវការ                            | កម្ពុជា-ត្រូវការ
			北京 欢迎你                                 | 北京-欢迎你
			Version 2.0 / final                      | version-2-0-final
			It's 100% done                           | its-100-done
			""")
	void keepsTheWritersScript(String title, String slug) {
		assertThat(keepScript.slugify(title)).isEqualTo(slug);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Crème brûlée                | creme-brulee
			Россия и Корея              | rossia-i-korea
			Straße                      | strasse
			""")
	void transliteratesWhenAsked(String title, String slug) {
		assertThat(ascii.slugify(title)).isEqualTo(slug);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			🎉🎉🎉
			?!…
			'''
			""")
	void emojiOrPunctuationOnlyFallsBack(String title) {
		assertThat(keepScript.slugify(title)).isEmpty();
		assertThat(keepScript.slugify(title, "article")).isEqualTo("article");
	}

	@Test
	void separatorsJoinersAndDottedCapitalI() {
		assertThat(keepScript.slugify("zero\u200Bwidth space")).isEqualTo("zero-width-space");
		assertThat(keepScript.slugify("İstanbul")).isEqualTo("istanbul");
	}

	@Test
	void joinersStayWhereTheyChangeTheWordAndGoElsewhere() {
		// Persian: the plural suffix and the verb prefix are written apart, not joined.
		assertThat(keepScript.slugify("شب\u200Cها")).isEqualTo("شب\u200Cها").isNotEqualTo("شبها");
		assertThat(keepScript.slugify("می\u200Cخواهم بروم")).isEqualTo("می\u200Cخواهم-بروم");
		// A run of joiners is one; a mark on the first letter does not hide its script.
		assertThat(keepScript.slugify("شب\u200C\u200Cها")).isEqualTo("شب\u200Cها");
		assertThat(keepScript.slugify("شبِ\u200Cها")).isEqualTo("شبِ\u200Cها");
		// Devanagari: ZWNJ keeps the half form (क्‌ष is not क्ष).
		assertThat(keepScript.slugify("क्\u200Cष")).isEqualTo("क्\u200Cष");
		// Meaningless: between Latin letters, beside a separator, at an end, between
		// scripts, in emoji.
		assertThat(keepScript.slugify("Zero\u200Cwidth")).isEqualTo("zerowidth");
		assertThat(keepScript.slugify("شب\u200C ها")).isEqualTo("شب-ها");
		assertThat(keepScript.slugify("\u200Cشب\u200C")).isEqualTo("شب");
		assertThat(keepScript.slugify("شب\u200Cabc")).isEqualTo("شبabc");
		assertThat(keepScript.slugify("team 👩\u200D💻 news")).isEqualTo("team-news");
	}

	@Test
	void aPersianSlugIsPercentEncodedWithItsJoiner() {
		assertThat(Permalinks.page(keepScript.slugify("شب\u200Cها")))
			.isEqualTo("/page/%D8%B4%D8%A8%E2%80%8C%D9%87%D8%A7");
	}

	@Test
	void longTitlesAreCutAtAWordBoundary() {
		String slug = keepScript.slugify(
				"Live updates: Parliament debates the coastal flood defence bill as storms close in on the delta, day 1");
		assertThat(slug).isEqualTo("live-updates-parliament-debates-the-coastal-flood-defence-bill-as-storms-close");
	}

	@Test
	void composesDecomposedTextAndCapsLength() {
		assertThat(keepScript.slugify("Cafe\u0301")).isEqualTo("café").hasSize(4);
		String slug = keepScript.slugify("word ".repeat(60));
		assertThat(slug.codePointCount(0, slug.length())).isLessThanOrEqualTo(Slugger.MAX_LENGTH);
		assertThat(slug).doesNotEndWith("-").doesNotContain(".");
	}

	@Test
	void aChosenSlugThatIsAlreadyValidIsKeptExactly() {
		// Issue 18: WordPress slugs Broadsheet used to rewrite.
		for (String slug : List.of("copyright-registries-2_0", "py-file-also-if-__name__-__main__",
				"license\u2011oriented-open-source", "шб-статья", "شب\u200Cها", "emoji-\uD83D\uDE80", "a~b")) {
			assertThat(keepScript.keep(slug)).isEqualTo(slug);
		}
		String long200 = "w".repeat(Slugger.MAX_KEPT);
		assertThat(keepScript.keep(long200)).isEqualTo(long200);
		assertThat(keepScript.slugify(long200)).hasSize(Slugger.MAX_LENGTH);
	}

	@Test
	void aChosenSlugThatIsNotValidIsSlugified() {
		assertThat(keepScript.keep("Upper_Case")).isEqualTo("upper_case".replace('_', '-'));
		assertThat(keepScript.keep("with space")).isEqualTo("with-space");
		assertThat(keepScript.keep("dot.ted")).isEqualTo("dot-ted");
		assertThat(keepScript.keep("per%20cent")).isEqualTo("per-20cent");
		assertThat(keepScript.keep("w".repeat(Slugger.MAX_KEPT + 1))).hasSize(Slugger.MAX_LENGTH);
		assertThat(keepScript.keep("Cafe\u0301")).isEqualTo("café");
		assertThat(keepScript.keep("---")).isEmpty();
		assertThat(keepScript.keep(null)).isEmpty();
		assertThat(keepScript.keep("tab\u0009")).isEqualTo("tab");
		assertThat(keepScript.keep("\u00ABquoted\u00BB")).isEqualTo("quoted");
		// ASCII slugs only when transliterating.
		assertThat(ascii.keep("under_score")).isEqualTo("under_score");
		assertThat(ascii.keep("шб")).isEqualTo("sb");
	}

}
