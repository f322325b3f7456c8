package org.broadsheet.article;

import java.util.List;

/**
 * One page of a list of articles, newest first.
 *
 * @param page 1-based
 * @param pageCount at least 1
 */
public record ArticleList(List<ArticleTeaser> items, int page, int pageCount) {

	/**
	 * @return whether there is a page before this one (newer articles)
	 */
	public boolean hasPrevious() {
		return page > 1;
	}

	/**
	 * @return whether there is a page after this one (older articles)
	 */
	public boolean hasNext() {
		return page < pageCount;
	}

}
