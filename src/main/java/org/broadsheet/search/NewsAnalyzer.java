package org.broadsheet.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;

/**
 * Text analysis for any script: ICU word segmentation (dictionary-based for Khmer, Thai,
 * Lao, Myanmar), bigrams for Han, Hiragana, Katakana and Hangul, Unicode case and accent
 * folding (UTR #30), then English stop words and Porter stemming, which leave other
 * scripts unchanged.
 */
final class NewsAnalyzer extends Analyzer {

	private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		var tokenizer = new ICUTokenizer();
		TokenStream stream = new CJKBigramFilter(tokenizer);
		stream = new ICUFoldingFilter(stream);
		stream = new StopFilter(stream, STOP_WORDS);
		stream = new PorterStemFilter(stream);
		return new TokenStreamComponents(tokenizer, stream);
	}

	@Override
	protected TokenStream normalize(String fieldName, TokenStream in) {
		return new ICUFoldingFilter(in);
	}

}
