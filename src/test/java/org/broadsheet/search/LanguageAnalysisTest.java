package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.FileSystemUtils;

/**
 * Per-language analysis on a real index: an article written with one form of a word is
 * found by another form of it in its own language, not by an unrelated word; scripts
 * without a Lucene stemmer are still found through ICU segmentation.
 */
class LanguageAnalysisTest {

	static Path folder;

	static SearchIndexHolder holder;

	static Search search;

	static final AtomicLong ids = new AtomicLong();

	/**
	 * Language, the article's sentence (with one form), another form of the same word, a
	 * word of the same language the article does not hold (sharing a beginning with it
	 * where the language allows).
	 */
	static Stream<Arguments> inflections() {
		return Stream.of(Arguments.of("ru", "Новая электростанция открылась на реке.", "электростанции", "электрик"),
				Arguments.of("de", "Die Häuser am Fluss sind alt.", "Haus", "Hauptstadt"),
				Arguments.of("fr", "Les journaux du matin sont arrivés.", "journal", "jour"),
				Arguments.of("es", "Las luces de la ciudad se apagaron.", "luz", "lucha"),
				Arguments.of("it", "Le elezioni regionali si sono svolte domenica.", "elezione", "elettricità"),
				Arguments.of("pt", "As eleições regionais aconteceram no domingo.", "eleição", "eletricidade"),
				Arguments.of("ar", "جرت الانتخابات في المدينة يوم الأحد.", "انتخاب", "انتصار"),
				Arguments.of("fa", "کتاب‌ها در کتابخانه شهر نگهداری می‌شوند.", "کتاب", "کتیبه"),
				Arguments.of("tr", "Şehirler hızla büyüyor.", "şehirde", "şeker"),
				Arguments.of("en", "The economies of the region grew last year.", "economy", "ecology"));
	}

	@BeforeAll
	static void index() throws Exception {
		folder = Files.createTempDirectory("language-index");
		holder = new SearchIndexHolder(folder, ZoneOffset.UTC, "en");
		search = new Search(holder, Clock.systemUTC(), new TopicSlugs(
				() -> new TopicSlugs.Topics(TopicSlugs.Names.of(Map.of()), TopicSlugs.Names.of(Map.of()))));
		SearchIndex index = holder.index();
		inflections().forEach(a -> {
			String language = (String) a.get()[0];
			index.index(article(title(language), (String) a.get()[1], language));
		});
		index.index(article("ja", "東京の港に新しいクレーンが届いた。", "ja"));
		index.index(article("ko", "부산 항구에 새로운 크레인이 도착했다.", "ko"));
		index.index(article("km", "កំពង់ផែ ក្រុងព្រះសីហនុ ទទួលបាន ស្ទូច ថ្មី", "km"));
		index.index(article("zh", "天津港口今天迎来了新的集装箱起重机。", "zh"));
		index.index(article("th", "ท่าเรือกรุงเทพได้รับเครนใหม่", "th"));
		index.commit(1);
	}

	@AfterAll
	static void close() {
		holder.destroy();
		FileSystemUtils.deleteRecursively(folder.toFile());
	}

	@ParameterizedTest(name = "{0}: {2}")
	@MethodSource("inflections")
	void anotherFormOfTheWordFindsTheArticleInTheReadersLanguage(String language, String sentence, String otherForm,
			String unrelated) {
		assertThat(titles(otherForm, language)).containsExactly(title(language));
		assertThat(titles(unrelated, language)).isEmpty();
		if (!language.equals("en")) {
			// Found by the stemmed field: as written, through ICU alone, it is not.
			assertThat(titles(otherForm, "ja")).isEmpty();
		}
	}

	@Test
	void theSitesLanguageIsAnalysedWithoutAReaderLanguage() {
		assertThat(titles("economy", null)).containsExactly(title("en"));
		// Without the reader's language, Russian is matched as written only.
		assertThat(titles("электростанции", null)).isEmpty();
		assertThat(titles("электростанция", null)).containsExactly(title("ru"));
	}

	@Test
	void junkReaderLanguagesAreIgnored() {
		for (String junk : new String[] { "", "   ", "x", "zz-not a tag", "ru".repeat(40), "tlh" }) {
			assertThat(titles("economy", junk)).as(junk).containsExactly(title("en"));
		}
	}

	@Test
	void scriptsWithoutAStemmerAreFoundByTheirWords() {
		assertThat(titles("クレーン", "ja")).containsExactly("ja");
		assertThat(titles("항구", "ko")).containsExactly("ko");
		assertThat(titles("ស្ទូច", "km")).containsExactly("km");
		assertThat(titles("港口", "zh")).containsExactly("zh");
		assertThat(titles("เครน", null)).containsExactly("th");
	}

	@Test
	void anIndexMadeForAnotherSiteLanguageIsRebuilt() throws Exception {
		Path other = Files.createTempDirectory("language-rebuild");
		try {
			var english = new SearchIndexHolder(other, ZoneOffset.UTC, "en");
			english.index().index(article("one", "One article.", null));
			english.index().commit(1);
			english.destroy();
			var again = new SearchIndexHolder(other, ZoneOffset.UTC, "en");
			assertThat(again.index().created()).isFalse();
			again.destroy();
			var arabic = new SearchIndexHolder(other, ZoneOffset.UTC, "ar");
			assertThat(arabic.index().created()).isTrue();
			arabic.destroy();
		}
		finally {
			FileSystemUtils.deleteRecursively(other.toFile());
		}
	}

	@Test
	void languageTagsMapToStemmedFields() {
		assertThat(LanguageAnalyzers.field("pt-BR")).isEqualTo("text_pt");
		assertThat(LanguageAnalyzers.field("nb")).isEqualTo("text_no");
		assertThat(LanguageAnalyzers.field("RU")).isEqualTo("text_ru");
		assertThat(LanguageAnalyzers.field("ja")).isNull();
		assertThat(LanguageAnalyzers.field(null)).isNull();
	}

	private static List<String> titles(String text, String language) {
		return search.search(new SearchQuery(text, null, null, null, null, false, 1, 20), language)
			.hits()
			.stream()
			.map(SearchResults.Hit::title)
			.toList();
	}

	private static String title(String language) {
		return "Article in " + language;
	}

	private static IndexedArticle article(String title, String body, String language) {
		return new IndexedArticle(ids.incrementAndGet(), "/news/" + ids.get(), title, "", body, "News", List.of("A"),
				List.of(), 1_600_000_000_000L, language);
	}

}
