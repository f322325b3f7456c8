package org.broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.segmentation.DefaultICUTokenizerConfig;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * Articles' words as readers type them, unstemmed, for type-ahead and "did you mean": ICU
 * word segmentation (dictionary words for Chinese, Japanese, Khmer, Thai, not bigrams),
 * then either full folding of case and accents (UTR #30; type-ahead: "cafe" finds "Café")
 * or case folding only (NFKC_Casefold; spelling suggestions keep their accents and
 * letters such as й and ё). Two small fields beside the stemmed ones that queries search.
 */
final class ReaderWords {

	/** Title words, folded: what type-ahead matches by prefix. */
	static final String TITLE_WORDS = "title_words";

	/**
	 * Title and standfirst words, case-folded: the dictionary of spelling suggestions.
	 */
	static final String SPELLING = "spelling";

	/** Indexed for term lookups only: no positions, norms or stored value. */
	private static final FieldType WORDS = new FieldType();

	static {
		WORDS.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
		WORDS.setTokenized(true);
		WORDS.setOmitNorms(true);
		WORDS.freeze();
	}

	/** Type-ahead's analysis, for the index and for what readers type. */
	static final Analyzer FOLDED = new Words(true);

	/** Spelling's analysis, for the index and for queries to correct. */
	static final Analyzer CASE_FOLDED = new Words(false);

	private ReaderWords() {
	}

	/** Adds the article's reader words to its document. */
	static void addTo(Document doc, IndexedArticle a) {
		doc.add(new Field(TITLE_WORDS, FOLDED.tokenStream(TITLE_WORDS, a.title()), WORDS));
		doc.add(new Field(SPELLING, CASE_FOLDED.tokenStream(SPELLING, a.title() + "\n" + a.summary()), WORDS));
	}

	/**
	 * A word of a text as analysed.
	 *
	 * @param text the term
	 * @param start offset of its first character in the text (UTF-16 units)
	 * @param end offset after its last
	 * @param alphabetic written with spaces between words (not Chinese, Japanese, Korean,
	 * Thai, Khmer…) and not a number
	 */
	record Word(String text, int start, int end, boolean alphabetic) {
	}

	/**
	 * @return the terms {@code analyzer} makes of {@code text} in {@code field}, in order
	 */
	static List<Word> words(Analyzer analyzer, String field, String text) {
		List<Word> words = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream(field, text)) {
			var term = stream.addAttribute(CharTermAttribute.class);
			var offsets = stream.addAttribute(OffsetAttribute.class);
			var type = stream.addAttribute(TypeAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				words.add(new Word(term.toString(), offsets.startOffset(), offsets.endOffset(),
						DefaultICUTokenizerConfig.WORD_LETTER.equals(type.type())));
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex); // never: the text is in memory
		}
		return words;
	}

	private static final class Words extends Analyzer {

		private final boolean accents;

		Words(boolean accents) {
			this.accents = accents;
		}

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			var tokenizer = new ICUTokenizer();
			TokenStream stream = accents ? new ICUFoldingFilter(tokenizer) : new ICUNormalizer2Filter(tokenizer);
			return new TokenStreamComponents(tokenizer, stream);
		}

	}

}
