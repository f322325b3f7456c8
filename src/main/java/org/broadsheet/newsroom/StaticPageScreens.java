package org.broadsheet.newsroom;

import java.util.List;
import java.util.Map;

import org.broadsheet.page.PageStatus;
import org.broadsheet.page.StaticPage;
import org.broadsheet.page.StaticPageDraft;
import org.broadsheet.site.Chrome;
import org.springframework.security.web.csrf.CsrfToken;

/** The models of the newsroom's static-page templates ({@code newsroom/pages*}). */
public final class StaticPageScreens {

	private StaticPageScreens() {
	}

	/**
	 * Every page, for editors.
	 *
	 * @param notice a message key about the last change, or null
	 */
	public record ListScreen(Chrome chrome, CsrfToken csrf, List<StaticPage> pages, String notice) {
	}

	/**
	 * The page form.
	 *
	 * @param saved the stored page, or null for a new one
	 * @param error the last problem ("field: problem"), or null
	 * @param problems the message for each input at fault, by the input's id
	 * @param notice a message key about the last change, or null
	 */
	public record FormScreen(Chrome chrome, CsrfToken csrf, StaticPage saved, Form form, String error,
			Map<String, String> problems, String notice) {

		/**
		 * @return the message for the input with this id, or null when it is not at fault
		 */
		public String problem(String input) {
			return problems.get(input);
		}

		/**
		 * @return where the form posts
		 */
		public String action() {
			return saved == null ? "/newsroom/pages" : "/newsroom/pages/" + saved.id();
		}

	}

	/** The page form's fields as typed. */
	public record Form(String title, String slug, String description, String body, String language, String status,
			boolean inFooter, String footerOrder) {

		static final Form EMPTY = new Form("", "", "", "", "", PageStatus.DRAFT.code(), false, "0");

		static Form of(StaticPage page) {
			return new Form(page.title(), page.slug(), page.description() == null ? "" : page.description(),
					page.bodyMarkdown(), page.language() == null ? "" : page.language(), page.status().code(),
					page.inFooter(), Integer.toString(page.footerOrder()));
		}

		/**
		 * @return the page this form describes
		 * @throws org.broadsheet.shared.InvalidInput naming {@code status} or
		 * {@code footerOrder} when they are not what the form offers
		 */
		StaticPageDraft draft() {
			int order;
			try {
				order = footerOrder.isBlank() ? 0 : Integer.parseInt(footerOrder.strip());
			}
			catch (NumberFormatException ex) {
				throw new org.broadsheet.shared.InvalidInput("footerOrder", "page.invalid.footer-order",
						StaticPageDraft.MAX_FOOTER_ORDER);
			}
			return new StaticPageDraft(slug, title, description, body, language, PageStatus.ofCode(status), inFooter,
					order);
		}

	}

}
