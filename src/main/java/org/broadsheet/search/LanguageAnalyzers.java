package org.broadsheet.search;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.ckb.SoraniAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.eu.BasqueAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ga.IrishAnalyzer;
import org.apache.lucene.analysis.gl.GalicianAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.hy.ArmenianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.ne.NepaliAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sr.SerbianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.ta.TamilAnalyzer;
import org.apache.lucene.analysis.te.TeluguAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * The index's analysis, field by field: a field {@code text_<language>} (see
 * {@link #field}) is analysed with Lucene's analyzer for that language (its tokenizer,
 * stop words and stemmer), every other field with {@link NewsAnalyzer}. Languages Lucene
 * has no stemmer for here (Japanese, Korean, Chinese, Khmer, Thai, …) have no such field:
 * their articles are found through NewsAnalyzer's ICU segmentation alone.
 */
final class LanguageAnalyzers extends DelegatingAnalyzerWrapper {

	private static final String PREFIX = "text_";

	/** ISO 639-1 code (as {@link Locale#getLanguage()} gives it) → its analyzer. */
	private static final Map<String, Supplier<Analyzer>> STEMMED = Map.ofEntries(Map.entry("ar", ArabicAnalyzer::new),
			Map.entry("bg", BulgarianAnalyzer::new), Map.entry("bn", BengaliAnalyzer::new),
			Map.entry("ca", CatalanAnalyzer::new), Map.entry("ckb", SoraniAnalyzer::new),
			Map.entry("cs", CzechAnalyzer::new), Map.entry("da", DanishAnalyzer::new),
			Map.entry("de", GermanAnalyzer::new), Map.entry("el", GreekAnalyzer::new),
			Map.entry("en", EnglishAnalyzer::new), Map.entry("es", SpanishAnalyzer::new),
			Map.entry("et", EstonianAnalyzer::new), Map.entry("eu", BasqueAnalyzer::new),
			Map.entry("fa", PersianAnalyzer::new), Map.entry("fi", FinnishAnalyzer::new),
			Map.entry("fr", FrenchAnalyzer::new), Map.entry("ga", IrishAnalyzer::new),
			Map.entry("gl", GalicianAnalyzer::new), Map.entry("hi", HindiAnalyzer::new),
			Map.entry("hu", HungarianAnalyzer::new), Map.entry("hy", ArmenianAnalyzer::new),
			Map.entry("id", IndonesianAnalyzer::new), Map.entry("it", ItalianAnalyzer::new),
			Map.entry("lt", LithuanianAnalyzer::new), Map.entry("lv", LatvianAnalyzer::new),
			Map.entry("ne", NepaliAnalyzer::new), Map.entry("nl", DutchAnalyzer::new),
			Map.entry("no", NorwegianAnalyzer::new), Map.entry("pt", PortugueseAnalyzer::new),
			Map.entry("ro", RomanianAnalyzer::new), Map.entry("ru", RussianAnalyzer::new),
			Map.entry("sr", SerbianAnalyzer::new), Map.entry("sv", SwedishAnalyzer::new),
			Map.entry("ta", TamilAnalyzer::new), Map.entry("te", TeluguAnalyzer::new),
			Map.entry("tr", TurkishAnalyzer::new));

	/** Norwegian's written standards share Lucene's Norwegian stemmer. */
	private static final Map<String, String> SAME_STEMMER = Map.of("nb", "no", "nn", "no");

	/** Longest language tag read (RFC 5646 advises supporting 35 characters). */
	private static final int MAX_TAG_LENGTH = 35;

	private final Analyzer news = new NewsAnalyzer();

	private final Map<String, Analyzer> stemmed = new ConcurrentHashMap<>();

	LanguageAnalyzers() {
		super(PER_FIELD_REUSE_STRATEGY);
	}

	/**
	 * The stemmed field of a language.
	 * @param languageTag a BCP 47 tag (RFC 5646), e.g. {@code pt-BR}; null, blank or
	 * malformed tags are allowed
	 * @return {@code text_<ISO 639 code>}, e.g. {@code text_pt}; null when the tag names
	 * no language Lucene stems
	 */
	static String field(String languageTag) {
		String language = language(languageTag);
		return language == null || !STEMMED.containsKey(language) ? null : PREFIX + language;
	}

	/**
	 * @param languageTag a BCP 47 tag, or null
	 * @return its language subtag in lower case ({@code nb} and {@code nn} as
	 * {@code no}), or null for a null, blank, overlong or malformed tag
	 */
	static String language(String languageTag) {
		if (languageTag == null || languageTag.isBlank() || languageTag.length() > MAX_TAG_LENGTH) {
			return null;
		}
		String language = Locale.forLanguageTag(languageTag.strip().replace('_', '-')).getLanguage();
		return language.isEmpty() ? null : SAME_STEMMER.getOrDefault(language, language);
	}

	@Override
	protected Analyzer getWrappedAnalyzer(String fieldName) {
		if (fieldName.startsWith(PREFIX)) {
			Supplier<Analyzer> analyzer = STEMMED.get(fieldName.substring(PREFIX.length()));
			if (analyzer != null) {
				return stemmed.computeIfAbsent(fieldName, f -> analyzer.get());
			}
		}
		return news;
	}

}
