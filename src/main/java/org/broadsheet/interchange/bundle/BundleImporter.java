package org.broadsheet.interchange.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import org.broadsheet.account.Actor;
import org.broadsheet.account.SystemActor;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.ImageUse;
import org.broadsheet.media.InvalidImageException;
import org.broadsheet.media.MediaBusy;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.media.PreparedImage;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports article bundles (see {@link BundleParser} for the format). Each file is
 * imported in its own transaction: a file that fails leaves no trace, and the others are
 * still imported. Importing the same file again updates its article in place (matched by
 * slug).
 */
@Service
public class BundleImporter {

	private final BundleParser parser = new BundleParser();

	private final ArticleWorkflow workflow;

	private final MediaLibrary media;

	private final TransactionTemplate transaction;

	BundleImporter(ArticleWorkflow workflow, MediaLibrary media, TransactionTemplate transaction) {
		this.workflow = workflow;
		this.media = media;
		this.transaction = transaction;
	}

	/**
	 * @param actor who imports, named in each article's history
	 * ({@link SystemActor#BUNDLE_IMPORT} from the command line); needs
	 * {@link org.broadsheet.account.Permission#EDIT_ANY_ARTICLE}
	 * @param paths the Markdown files, or folders whose {@code *.md} and
	 * {@code *.markdown} files (any case, in subfolders too) are imported in path order
	 * @return one outcome per file; a missing path is a failed outcome
	 */
	public ImportReport importPaths(Actor actor, List<Path> paths) {
		List<ImportReport.Outcome> outcomes = new ArrayList<>();
		for (Path file : expand(paths, outcomes)) {
			outcomes.add(importFile(actor, file));
		}
		return new ImportReport(outcomes);
	}

	private ImportReport.Outcome importFile(Actor actor, Path file) {
		try {
			Bundle bundle = parser.parse(file);
			// The image is checked before the transaction: decoding a large photo must
			// not hold the write lock.
			try (PreparedImage image = prepareImage(bundle)) {
				var saved = transaction.execute(status -> workflow.store(actor, withImage(bundle, image)));
				return new ImportReport.Outcome(file, saved.path(), saved.created(), null);
			}
		}
		catch (BundleException ex) {
			return new ImportReport.Outcome(file, null, false, ex.getMessage());
		}
		catch (IllegalArgumentException | UncheckedIOException ex) {
			return new ImportReport.Outcome(file, null, false, file + ":0: " + ex.getMessage());
		}
		catch (DataAccessException ex) {
			// Nothing of the file was kept (its transaction rolled back); the other files
			// go on.
			return new ImportReport.Outcome(file, null, false,
					file + ":0: could not be saved: " + ex.getMostSpecificCause().getMessage());
		}
	}

	/**
	 * @return the bundle's lead image checked and ready to record, or null when it has
	 * none
	 */
	private PreparedImage prepareImage(Bundle bundle) {
		var ref = bundle.image();
		if (ref == null) {
			return null;
		}
		try {
			return media.prepare(ref.file(), ref.file().getFileName().toString());
		}
		catch (InvalidImageException | MediaBusy ex) {
			throw new BundleException(bundle.file(), ref.line(), "image.file", ex instanceof MediaBusy
					? "the media library is busy; import the file again later" : ex.getMessage());
		}
	}

	private ArticleDraft withImage(Bundle bundle, PreparedImage image) {
		var d = bundle.draft();
		if (image == null) {
			return d;
		}
		var ref = bundle.image();
		long imageId = media.record(image, ref.alt(), ref.caption(), ref.credit()).id();
		// The bundle says all there is: a caption or credit it leaves out is none, not
		// the image's.
		var use = new ImageUse(imageId, ref.alt(), Objects.requireNonNullElse(ref.caption(), ""),
				Objects.requireNonNullElse(ref.credit(), ""));
		return d.withLeadImage(use);
	}

	private static List<Path> expand(List<Path> paths, List<ImportReport.Outcome> outcomes) {
		List<Path> files = new ArrayList<>();
		for (Path path : paths) {
			if (Files.isDirectory(path)) {
				try (Stream<Path> listing = Files.walk(path)) {
					List<Path> found = listing.filter(p -> isBundleName(p) && Files.isRegularFile(p)).sorted().toList();
					if (found.isEmpty()) {
						outcomes.add(failed(path, "no bundles (*.md, *.markdown) in this folder or below"));
					}
					files.addAll(found);
				}
				catch (IOException | UncheckedIOException ex) {
					outcomes.add(failed(path, "cannot read the folder: " + ex.getMessage()));
				}
			}
			else if (Files.isRegularFile(path)) {
				files.add(path);
			}
			else {
				outcomes.add(failed(path, Files.exists(path) ? "not a regular file" : "no such file or folder"));
			}
		}
		return files;
	}

	private static boolean isBundleName(Path path) {
		String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".md") || name.endsWith(".markdown");
	}

	private static ImportReport.Outcome failed(Path path, String problem) {
		return new ImportReport.Outcome(path, null, false, path + ":0: " + problem);
	}

}
