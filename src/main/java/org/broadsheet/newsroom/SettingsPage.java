package org.broadsheet.newsroom;

import java.util.List;
import java.util.Map;

import org.broadsheet.account.NewsroomAuditEntry;
import org.broadsheet.comment.CommentSettings;
import org.broadsheet.media.Image;
import org.broadsheet.settings.SettingsForm;
import org.broadsheet.site.Chrome;
import org.broadsheet.site.SiteSettings;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The site settings page, for administrators.
 *
 * @param form what is saved, or what was typed when it was refused
 * @param images the media library's newest images, to choose the logo from
 * @param defaults the start-up properties, which a blank field keeps (shown as
 * placeholders)
 * @param commentDefaults the start-up comment rules, likewise
 * @param lastSaved the audit entry of the last save (who, when), or null when never saved
 * @param error the last problem ("field: problem"), or null
 * @param problems the message for each input at fault, by the input's id ({@code name},
 * {@code timeZone}, {@code footerUrl-2}, …)
 * @param saved whether the page follows a save
 */
public record SettingsPage(Chrome chrome, CsrfToken csrf, SettingsForm form, List<Image> images, SiteSettings defaults,
		CommentSettings commentDefaults, NewsroomAuditEntry lastSaved, String error, Map<String, String> problems,
		boolean saved) {

	/**
	 * @return the message for the input with this id, or null when it is not at fault
	 */
	public String problem(String input) {
		return problems.get(input);
	}

	/**
	 * @return {@code true} when the input with this id is at fault, else {@code false}
	 * (for {@code aria-invalid})
	 */
	public String invalid(String input) {
		return problems.containsKey(input) ? "true" : "false";
	}

	/**
	 * @return the id of the input's error message when it is at fault, else null (for
	 * {@code aria-describedby})
	 */
	public String describedBy(String input) {
		return problems.containsKey(input) ? input + "-error" : null;
	}

	/**
	 * @return the id of the form's input for a field the settings rules name:
	 * {@code footerUrl[2]} is {@code footerUrl-2}
	 */
	static String inputOf(String field) {
		return field.replace('[', '-').replace("]", "");
	}

}
