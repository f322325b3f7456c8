package org.broadsheet.interchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.Articles;
import org.broadsheet.media.InvalidImageException;
import org.broadsheet.media.MediaLibrary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports article bundles (see {@link BundleParser} for the format). Each file is imported in its
 * own transaction: a file that fails leaves no trace, and the others are still imported.
 * Importing the same file again updates its article in place (matched by slug).
 */
@Service
public class BundleImporter {

	private final BundleParser parser = new BundleParser();

	private final Articles articles;

	private final MediaLibrary media;

	private final TransactionTemplate transaction;

	BundleImporter(Articles articles, MediaLibrary media, TransactionTemplate transaction) {
		this.articles = articles;
		this.media = media;
		this.transaction = transaction;
	}

	/**
	 * @param paths Markdown files, or folders whose {@code *.md} files are imported (not recursively),
	 *        in name order
	 * @return one outcome per file; a missing path is a failed outcome
	 */
	public ImportReport importPaths(List<Path> paths) {
		List<ImportReport.Outcome> outcomes = new ArrayList<>();
		for (Path file : expand(paths, outcomes)) {
			outcomes.add(importFile(file));
		}
		return new ImportReport(outcomes);
	}

	private ImportReport.Outcome importFile(Path file) {
		try {
			Bundle bundle = parser.parse(file);
			var saved = transaction.execute(status -> articles.save(withImage(bundle)));
			return new ImportReport.Outcome(file, saved.path(), saved.created(), null);
		}
		catch (BundleException ex) {
			return new ImportReport.Outcome(file, null, false, ex.getMessage());
		}
		catch (ImageProblem ex) {
			return new ImportReport.Outcome(file, null, false, ex.getMessage());
		}
		catch (IllegalArgumentException | UncheckedIOException ex) {
			return new ImportReport.Outcome(file, null, false, file + ":0: " + ex.getMessage());
		}
	}

	private ArticleDraft withImage(Bundle bundle) {
		var d = bundle.draft();
		if (bundle.image() == null) {
			return d;
		}
		var ref = bundle.image();
		try {
			long imageId = media.store(ref.file(), ref.alt(), ref.caption(), ref.credit()).id();
			return new ArticleDraft(d.slug(), d.title(), d.section(), d.authors(), d.summary(), d.bodyMarkdown(), imageId,
					d.tags(), d.language(), d.status(), d.publishedAt(), d.updatedAt(), d.syndication());
		}
		catch (InvalidImageException ex) {
			throw new ImageProblem(bundle.file() + ":" + ref.line() + ": image.file: " + ex.getMessage());
		}
	}

	/** An image failure, thrown inside the transaction so that it rolls back. */
	private static final class ImageProblem extends RuntimeException {

		ImageProblem(String message) {
			super(message);
		}

	}

	private static List<Path> expand(List<Path> paths, List<ImportReport.Outcome> outcomes) {
		List<Path> files = new ArrayList<>();
		for (Path path : paths) {
			if (Files.isDirectory(path)) {
				try (Stream<Path> listing = Files.list(path)) {
					listing.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p))
						.sorted()
						.forEach(files::add);
				}
				catch (IOException ex) {
					outcomes.add(new ImportReport.Outcome(path, null, false, path + ":0: cannot list: " + ex.getMessage()));
				}
			}
			else if (Files.isRegularFile(path)) {
				files.add(path);
			}
			else {
				outcomes.add(new ImportReport.Outcome(path, null, false, path + ":0: no such file or folder"));
			}
		}
		return files;
	}

}
