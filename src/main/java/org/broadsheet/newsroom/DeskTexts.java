package org.broadsheet.newsroom;

import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.AuditEntry;
import org.broadsheet.article.Revision;
import org.broadsheet.site.Chrome;
import org.springframework.context.NoSuchMessageException;

/**
 * The history's words in the newsroom's language: what was done ({@code desk.action.*})
 * and, for a system actor, who ({@code desk.actor.*}). An action or system actor without
 * a message (one added later) shows as stored rather than failing the page.
 */
public final class DeskTexts {

	private DeskTexts() {
	}

	/**
	 * @return the action as the history shows it, e.g. "Sent back to the writer" for
	 * {@code sent-back}
	 */
	public static String action(Chrome chrome, String action) {
		return message(chrome, "desk.action." + action, action);
	}

	/**
	 * @return the account's display name (with the API key it used), or the system
	 * actor's name, e.g. "Scheduler" for {@code scheduler}
	 */
	public static String who(Chrome chrome, AuditEntry entry) {
		return entry.accountId() != null ? entry.who() : message(chrome, "desk.actor." + entry.who(), entry.who());
	}

	/**
	 * @return who saved the revision, as the history names them: the entry of that
	 * account at the same instant, else that account's latest entry; null for a system
	 * actor (an import)
	 */
	public static String savedBy(ArticleWorkflow.Editing editing, Revision revision) {
		if (revision.accountId() == null) {
			return null;
		}
		var theirs = editing.audit().stream().filter(a -> revision.accountId().equals(a.accountId())).toList();
		return theirs.stream()
			.filter(a -> a.at().equals(revision.createdAt()))
			.findFirst()
			.or(() -> theirs.stream().reduce((first, second) -> second))
			.map(AuditEntry::who)
			.orElse(null);
	}

	private static String message(Chrome chrome, String key, String fallback) {
		try {
			return chrome.t(key);
		}
		catch (NoSuchMessageException ex) {
			return fallback;
		}
	}

}
