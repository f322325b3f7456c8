package org.broadsheet.media;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/**
 * An object being read from a {@link MediaStore}; close it when done (an S3 object holds
 * a pooled connection until then).
 *
 * @param content its bytes
 * @param size bytes
 * @param lastModified when it was last stored (UTC)
 */
record MediaStream(InputStream content, long size, Instant lastModified) implements AutoCloseable {

	@Override
	public void close() throws IOException {
		content.close();
	}

}
