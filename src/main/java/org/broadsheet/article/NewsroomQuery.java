package org.broadsheet.article;

/**
 * Which articles the newsroom's list shows; null fields do not filter.
 *
 * @param titleContains part of the title, any case (ASCII case only on SQLite)
 * @param page 1-based
 */
public record NewsroomQuery(ArticleStatus status, Long sectionId, Long authorId, String titleContains, int page,
		int pageSize) {

	public NewsroomQuery {
		page = Math.max(1, page);
		pageSize = Math.min(Math.max(1, pageSize), 200);
		titleContains = titleContains == null || titleContains.isBlank() ? null : titleContains.strip();
	}

}
