package org.broadsheet.delivery;

import java.util.List;
import java.util.Set;

/**
 * A finished response, kept to answer anonymous readers without rendering: its status and
 * headers, its body cut at the per-response parts (identity and pre-compressed pieces),
 * and the surrogate keys whose change evicts it.
 *
 * @param headers name and value pairs, in order, without cookies and the headers set per
 * response
 * @param deflated each piece as raw deflate blocks, for splicing parts into a gzip body
 * @param gzip the whole gzip body of a page without parts, else null
 * @param etag a strong entity tag (RFC 9110 §8.8.3) for a page without parts, else a weak
 * one
 * @param lastModified UTC epoch milliseconds, whole seconds
 * @param surrogateKey the keys as a {@code Surrogate-Key} value (space-separated), joined
 * once
 * @param cacheTag the keys as a {@code Cache-Tag} value (comma-separated), joined once
 */
record CachedPage(int status, String contentType, List<String[]> headers, List<byte[]> pieces,
		List<Splicing.Slot> slots, List<byte[]> deflated, byte[] gzip, String etag, long lastModified, PageKind kind,
		Set<String> keys, String surrogateKey, String cacheTag) {

	CachedPage(int status, String contentType, List<String[]> headers, List<byte[]> pieces, List<Splicing.Slot> slots,
			List<byte[]> deflated, byte[] gzip, String etag, long lastModified, PageKind kind, Set<String> keys) {
		this(status, contentType, headers, pieces, slots, deflated, gzip, etag, lastModified, kind, keys,
				String.join(" ", keys), String.join(",", keys));
	}

	/**
	 * @return the page's size in the cache, in bytes (roughly: bodies and a fixed
	 * overhead)
	 */
	int weight() {
		int weight = 512;
		for (byte[] piece : pieces) {
			weight += piece.length;
		}
		for (byte[] piece : deflated) {
			weight += piece.length;
		}
		if (gzip != null) {
			weight += gzip.length;
		}
		return weight;
	}

	boolean hasParts() {
		return !slots.isEmpty();
	}

	/**
	 * @return whether any of {@code changed} is one of this page's keys
	 */
	boolean shows(Set<String> changed) {
		for (String key : changed) {
			if (keys.contains(key)) {
				return true;
			}
		}
		return false;
	}

}
