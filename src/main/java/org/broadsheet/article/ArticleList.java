package org.broadsheet.article;

import java.util.List;

/**
 * One page of a list of articles, newest first.
 *
 * @param page 1-based
 * @param pageCount at least 1
 */
public record ArticleList(List<ArticleTeaser> items, int page, int pageCount) {

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return page < pageCount;
	}

}
