package org.broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index of published articles, in one folder. Derived state: deleting the
 * folder and restarting rebuilds it. The sequence number of the last change-log entry
 * applied is kept in each commit, so a restarted node resumes where it stopped.
 * Thread-safe.
 */
final class SearchIndex implements AutoCloseable {

	static final String ID = "id";
	static final String PATH = "path";
	static final String TITLE = "title";
	static final String SUMMARY = "summary";
	static final String BODY = "body";
	static final String AUTHORS = "authors";
	static final String TAGS = "tags";
	static final String SECTION_NAME = "section_name";
	static final String AUTHOR_EXACT = "author_exact";
	static final String TAG_EXACT = "tag_exact";
	static final String PUBLISHED = "published";

	/**
	 * Title, standfirst and body in one field: what queries match and related articles
	 * compare.
	 */
	static final String TEXT = "text";

	// Related articles (RelatedFinder): the article's language, to prefer articles in the
	// same one. BCP 47 tag as written, empty for the site's language; stored only.
	static final String LANGUAGE = "language";

	/** Facet dimensions. */
	static final String SECTION = "section";
	static final String AUTHOR = "author";
	static final String TAG = "tag";
	static final String YEAR = "year";

	private static final String SEQ = "seq";

	private static final String ZONE = "zone";

	/**
	 * What an index's documents hold; an index of another format is rebuilt, as if new.
	 */
	private static final String FORMAT = "format";

	/** 2: bodies indexed with offsets (snippets without re-analysis). */
	private static final String CURRENT_FORMAT = "2";

	/** Stored, with offsets in the postings so that highlighting needs no re-analysis. */
	private static final FieldType HIGHLIGHTED = new FieldType(TextField.TYPE_STORED);

	static {
		HIGHLIGHTED.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		HIGHLIGHTED.freeze();
	}

	/**
	 * Not stored; with term vectors, so that MoreLikeThis reads its terms without
	 * re-analysis.
	 */
	private static final FieldType VECTORS = new FieldType(TextField.TYPE_NOT_STORED);

	static {
		VECTORS.setStoreTermVectors(true);
		VECTORS.freeze();
	}

	private final Analyzer analyzer = new NewsAnalyzer();

	private final FacetsConfig facets = new FacetsConfig();

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final boolean created;

	private final AtomicLong generation = new AtomicLong();

	private volatile FacetState facetState;

	private final ZoneId zone;

	/**
	 * Opens the index in {@code folder}, creating it if absent.
	 * @param zone the site's time zone: an article's year facet is its year there
	 * @throws UncheckedIOException when the folder cannot be used, e.g. another process
	 * holds its lock
	 */
	SearchIndex(Path folder, ZoneId zone) {
		this.zone = zone;
		facets.setMultiValued(AUTHOR, true);
		facets.setMultiValued(TAG, true);
		try {
			Files.createDirectories(folder);
			var directory = FSDirectory.open(folder);
			boolean exists = DirectoryReader.indexExists(directory);
			var config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
				.setRAMBufferSizeMB(64);
			this.writer = new IndexWriter(directory, config);
			this.searchers = new SearcherManager(writer, new SearcherFactory());
			// Years computed in another zone, or documents of another format: rebuilt, as
			// if new.
			this.created = !exists || !zone.getId().equals(commitData(ZONE))
					|| !CURRENT_FORMAT.equals(commitData(FORMAT));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the search index in " + folder, ex);
		}
	}

	Analyzer analyzer() {
		return analyzer;
	}

	FacetsConfig facetsConfig() {
		return facets;
	}

	/**
	 * @return whether this index was created empty when opened (no earlier commit)
	 */
	boolean created() {
		return created;
	}

	/**
	 * @return the change-log sequence number of the last commit, 0 for none
	 */
	long appliedSeq() {
		String seq = commitData(SEQ);
		return seq == null ? 0 : Long.parseLong(seq);
	}

	private String commitData(String key) {
		var data = writer.getLiveCommitData();
		if (data != null) {
			for (Map.Entry<String, String> entry : data) {
				if (key.equals(entry.getKey())) {
					return entry.getValue();
				}
			}
		}
		return null;
	}

	/**
	 * Adds or replaces an article; visible after {@link #commit(long)}.
	 * @throws IllegalArgumentException when Lucene refuses the document (e.g. an immense
	 * term); the index is unchanged and usable
	 * @throws UncheckedIOException when the index cannot be written
	 */
	void index(IndexedArticle a) {
		try {
			writer.updateDocument(new Term(ID, Long.toString(a.id())), facets.build(document(a)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void delete(Collection<Long> ids) {
		try {
			writer.deleteDocuments(ids.stream().map(id -> new Term(ID, Long.toString(id))).toArray(Term[]::new));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void deleteAll() {
		try {
			writer.deleteAll();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Makes the changes durable and visible, recording {@code seq} as applied. */
	void commit(long seq) {
		try {
			writer.setLiveCommitData(
					Map.of(SEQ, Long.toString(seq), ZONE, zone.getId(), FORMAT, CURRENT_FORMAT).entrySet());
			writer.commit();
			searchers.maybeRefreshBlocking();
			generation.incrementAndGet();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @return a number that changes whenever committed changes become visible (for
	 * caches)
	 */
	long generation() {
		return generation.get();
	}

	/**
	 * A searcher with the facet state of its reader; release it with {@link #release}.
	 */
	record Snapshot(IndexSearcher searcher, SortedSetDocValuesReaderState facets) {
	}

	Snapshot acquire() {
		IndexSearcher searcher;
		try {
			searcher = searchers.acquire();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			return new Snapshot(searcher, facetStateFor(searcher));
		}
		catch (IOException | RuntimeException ex) {
			release(new Snapshot(searcher, null));
			throw ex instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) ex;
		}
	}

	/**
	 * The facet ordinal map of the searcher's reader: built once per reader, not per
	 * request.
	 */
	private synchronized SortedSetDocValuesReaderState facetStateFor(IndexSearcher searcher) throws IOException {
		FacetState state = facetState;
		if (state == null || state.reader != searcher.getIndexReader()) {
			state = new FacetState(searcher.getIndexReader(), facetStateOf(searcher));
			facetState = state;
		}
		return state.state;
	}

	void release(Snapshot snapshot) {
		try {
			searchers.release(snapshot.searcher());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record FacetState(Object reader, SortedSetDocValuesReaderState state) {
	}

	/**
	 * @return null while no document has facets (the facet field does not exist yet)
	 */
	private SortedSetDocValuesReaderState facetStateOf(IndexSearcher searcher) throws IOException {
		if (searcher.getIndexReader().numDocs() == 0) {
			return null;
		}
		return new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), facets);
	}

	private Document document(IndexedArticle a) {
		var doc = new Document();
		doc.add(new StringField(ID, Long.toString(a.id()), Field.Store.YES));
		doc.add(new StoredField(PATH, a.path()));
		doc.add(new Field(TITLE, a.title(), HIGHLIGHTED));
		doc.add(new Field(SUMMARY, a.summary(), HIGHLIGHTED));
		doc.add(new Field(BODY, a.bodyText(), HIGHLIGHTED));
		doc.add(new Field(TEXT, a.title() + "\n" + a.summary() + "\n" + a.bodyText(), VECTORS));
		doc.add(new StoredField(SECTION_NAME, a.section()));
		doc.add(new SortedSetDocValuesFacetField(SECTION, a.section()));
		for (String author : a.authors()) {
			doc.add(new TextField(AUTHORS, author, Field.Store.YES));
			doc.add(new StringField(AUTHOR_EXACT, author, Field.Store.NO));
			doc.add(new SortedSetDocValuesFacetField(AUTHOR, author));
		}
		for (String tag : a.tags()) {
			doc.add(new TextField(TAGS, tag, Field.Store.YES));
			doc.add(new StringField(TAG_EXACT, tag, Field.Store.NO));
			doc.add(new SortedSetDocValuesFacetField(TAG, tag));
		}
		doc.add(new LongPoint(PUBLISHED, a.publishedAt()));
		doc.add(new NumericDocValuesField(PUBLISHED, a.publishedAt()));
		doc.add(new StoredField(PUBLISHED, a.publishedAt()));
		doc.add(new SortedSetDocValuesFacetField(YEAR,
				Integer.toString(Instant.ofEpochMilli(a.publishedAt()).atZone(zone).getYear())));
		// Related articles: see LANGUAGE.
		doc.add(new StoredField(LANGUAGE, a.language()));
		return doc;
	}

	@Override
	public void close() {
		try {
			searchers.close();
			writer.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
