package org.broadsheet.delivery;

import java.util.Set;

/**
 * Pages showing any of {@code keys} changed, and this node now knows it: published by the
 * purge log after a local commit and whenever it applies another node's change.
 * Node-local caches of what pages show (the section list) listen to it, so that they
 * follow every node's changes as the page cache does. Keys as in {@link Surrogates};
 * {@link Surrogates#ALL} means everything.
 */
public record PagesEvicted(Set<String> keys) {

	/**
	 * @return whether pages showing {@code key} (or every page) changed
	 */
	public boolean touches(String key) {
		return keys.contains(Surrogates.ALL) || keys.contains(key);
	}

	/**
	 * @return whether pages showing any key starting with {@code prefix} changed
	 */
	public boolean touchesAny(String prefix) {
		return keys.contains(Surrogates.ALL) || keys.stream().anyMatch(key -> key.startsWith(prefix));
	}

}
