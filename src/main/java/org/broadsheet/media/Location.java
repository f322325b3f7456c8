package org.broadsheet.media;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputField;

/**
 * Removes where a photograph was taken (the EXIF GPS fields) from a JPEG, losslessly,
 * keeping the rest (orientation, camera). When the EXIF block cannot be rewritten, all of
 * it goes.
 */
final class Location {

	private Location() {
	}

	/** Rewrites {@code jpeg} in place when it has GPS fields. */
	static void remove(Path jpeg) throws IOException {
		Path temp = Files.createTempFile(jpeg.getParent(), "exif", ".tmp");
		try {
			var metadata = Imaging.getMetadata(jpeg.toFile());
			if (!(metadata instanceof JpegImageMetadata jpegMetadata) || jpegMetadata.getExif() == null) {
				return;
			}
			var exif = jpegMetadata.getExif().getOutputSet();
			var gps = exif.getGpsDirectory();
			if (gps == null) {
				return;
			}
			for (TiffOutputField field : List.copyOf(gps.getFields())) {
				gps.removeField(field.tag);
			}
			try (OutputStream out = Files.newOutputStream(temp)) {
				new ExifRewriter().updateExifMetadataLossless(jpeg.toFile(), out, exif);
			}
			Files.move(temp, jpeg, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (ImagingException | RuntimeException ex) {
			try (OutputStream out = Files.newOutputStream(temp)) {
				new ExifRewriter().removeExifMetadata(jpeg.toFile(), out);
			}
			catch (ImagingException unreadable) {
				return; // no EXIF block that a rewriter understands: nothing to remove
			}
			Files.move(temp, jpeg, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

}
