package org.broadsheet.search;

import java.util.List;

import org.springframework.stereotype.Service;

/**
 * An article's related articles as stored when it or its neighbours last changed (see
 * {@link RelatedLists} for when, {@link RelatedFinder} for how they are chosen and the
 * relevance bar). Reading them is one query by primary key: no index work on a reader's
 * request.
 */
@Service
public class RelatedArticles {

	private final RelatedLists lists;

	RelatedArticles(RelatedLists lists) {
		this.lists = lists;
	}

	/**
	 * @param limit how many at most, 1 or more
	 * @return ids of up to {@code limit} related articles, most related first (they were
	 * published when the list was computed; the caller shows only those still published);
	 * empty when nothing passed the relevance bar or the list is not computed yet
	 */
	public List<Long> related(long articleId, int limit) {
		return lists.of(articleId, limit);
	}

}
