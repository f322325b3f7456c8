package org.broadsheet.article;

/**
 * Where an article stands on the front page, as an editor set it.
 *
 * @param pinned first on the front page ({@code article.sticky})
 * @param breaking breaking news: a label on its teaser and a banner on the front page
 * while it is public
 */
public record FrontPageFlags(boolean pinned, boolean breaking) {

	/** Neither pinned nor breaking. */
	public static final FrontPageFlags NONE = new FrontPageFlags(false, false);

}
