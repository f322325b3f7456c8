package org.broadsheet.delivery;

import java.util.Set;

/**
 * A change to this node's own derived state (its search index) that alters the pages
 * showing any of {@code keys} here only: evicted from this node's page cache at once,
 * never logged for others.
 */
public record LocalPagesChanged(Set<String> keys) {
}
