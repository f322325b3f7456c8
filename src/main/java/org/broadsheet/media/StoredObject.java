package org.broadsheet.media;

import java.time.Instant;

/**
 * An object in a {@link MediaStore}.
 *
 * @param key e.g. {@code 3f/3fa9….jpg} or {@code variants/3fa9…-480.jpg}
 * @param size bytes
 * @param lastModified when it was last stored (UTC)
 */
record StoredObject(String key, long size, Instant lastModified) {
}
