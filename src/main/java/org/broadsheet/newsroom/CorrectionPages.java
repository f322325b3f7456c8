package org.broadsheet.newsroom;

import java.util.List;
import java.util.Map;

import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.Correction;
import org.broadsheet.article.TrashedArticle;
import org.broadsheet.site.Chrome;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The models of the corrections and trash pages ({@code newsroom/corrections},
 * {@code newsroom/trash}).
 */
public final class CorrectionPages {

	private CorrectionPages() {
	}

	/**
	 * An article's corrections and editor's notes, each editable, and the form to add
	 * one.
	 *
	 * @param notice a message key about the last action, or null
	 * @param problems the message for each input at fault, by the input's id
	 * ({@code text-new}, {@code text-ID})
	 * @param typed what was typed in the refused form, by the input's id
	 */
	public record CorrectionsPage(Chrome chrome, CsrfToken csrf, long articleId, String title, ArticleStatus status,
			List<Correction> corrections, String notice, Map<String, String> problems, Map<String, String> typed) {

		/**
		 * @return the message for the input with this id, or null when it is not at fault
		 */
		public String problem(String input) {
			return problems.get(input);
		}

		/**
		 * @return what was typed in the input with this id, or {@code otherwise}
		 */
		public String typed(String input, String otherwise) {
			return typed.getOrDefault(input, otherwise);
		}

		/**
		 * @return whether corrections can be added: only a published article takes them
		 */
		public boolean open() {
			return status == ArticleStatus.PUBLISHED;
		}

	}

	/**
	 * The trash.
	 *
	 * @param notice a message key about the last action, or null
	 */
	public record TrashPage(Chrome chrome, CsrfToken csrf, List<TrashedArticle> articles, String notice) {
	}

}
