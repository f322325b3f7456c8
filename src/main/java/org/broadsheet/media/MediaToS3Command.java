package org.broadsheet.media;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.broadsheet.shared.OfflineCommand;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code media-to-s3}: copies a local media folder (originals and variants) into the
 * bucket that {@code broadsheet.media.s3.*} names, before a site moves to
 * {@code broadsheet.media.store=s3}. What the bucket already holds at the same size is
 * left alone, so a second run copies nothing and an interrupted one resumes; each copy is
 * checked by its size in the bucket. It may run while the site serves.
 */
@Command(name = "media-to-s3", mixinStandardHelpOptions = true,
		description = "Copy the media folder's originals and variants into the S3 bucket named by "
				+ "--broadsheet.media.s3.bucket=… (and the other broadsheet.media.s3 settings); "
				+ "what the bucket already has is skipped.")
public class MediaToS3Command extends OfflineCommand {

	@Option(names = "--from", paramLabel = "FOLDER",
			description = "the media folder to copy (default: the data folder's media)")
	private Path from;

	/**
	 * @param context starts the application, given Spring options, without its web server
	 */
	public MediaToS3Command(Function<String[], ConfigurableApplicationContext> context) {
		super(context);
	}

	@Override
	protected int run(ConfigurableApplicationContext app, PrintWriter out, PrintWriter err) {
		Path source = from != null ? from : app.getBean(MediaLibrary.class).folder();
		if (!Files.isDirectory(source)) {
			err.println("No media folder at " + source);
			return 2;
		}
		S3MediaStore bucket;
		try {
			bucket = S3MediaStore.connect(app.getBean(MediaStorage.class).s3());
		}
		catch (IllegalStateException ex) {
			err.println(ex.getMessage());
			return 2;
		}
		try (bucket) {
			Optional<String> problem = bucket.problem();
			if (problem.isPresent()) {
				err.println("Cannot reach the bucket: " + problem.get());
				return 1;
			}
			var counts = copy(new LocalMediaStore(source), bucket, err);
			out.printf("Copied %d files from %s to %s; %d were there already; %d failed.%n", counts[0], source, bucket,
					counts[1], counts[2]);
			return counts[2] == 0 ? 0 : 1;
		}
	}

	/**
	 * @return copied, already there, failed
	 */
	private static int[] copy(LocalMediaStore source, S3MediaStore bucket, PrintWriter err) {
		int[] counts = new int[3];
		try (Stream<StoredObject> objects = source.list()) {
			for (StoredObject object : (Iterable<StoredObject>) objects::iterator) {
				try {
					if (bucket.stat(object.key()).filter(o -> o.size() == object.size()).isPresent()) {
						counts[1]++;
						continue;
					}
					bucket.put(object.key(), source.file(object.key()), MediaStore.contentType(object.key()));
					long stored = bucket.stat(object.key()).map(StoredObject::size).orElse(-1L);
					if (stored == object.size()) {
						counts[0]++;
					}
					else {
						err.println(
								object.key() + ": the bucket holds " + stored + " bytes, the folder " + object.size());
						counts[2]++;
					}
				}
				catch (UncheckedIOException ex) {
					err.println(ex.getMessage());
					counts[2]++;
				}
			}
		}
		return counts;
	}

}
