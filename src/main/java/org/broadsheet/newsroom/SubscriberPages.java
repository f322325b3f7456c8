package org.broadsheet.newsroom;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.broadsheet.newsletter.ListKey;
import org.broadsheet.newsletter.admin.ImportReport;
import org.broadsheet.newsletter.admin.SubscriberRecords;
import org.broadsheet.newsletter.admin.SubscriberRecords.Detail;
import org.broadsheet.newsletter.admin.SubscriberRecords.ListCount;
import org.broadsheet.newsletter.admin.SubscriberStatus;
import org.broadsheet.newsletter.digest.Cadence;
import org.broadsheet.newsletter.sending.NewsletterSend;
import org.broadsheet.site.Chrome;
import org.springframework.security.web.csrf.CsrfToken;

/** The models of the subscriber pages ({@link SubscribersController}). */
public final class SubscriberPages {

	private SubscriberPages() {
	}

	/**
	 * @param name the section's or author's name; ignored for the site's list
	 * @return a list's name in the newsroom's language: the site's list, or the section's
	 * or author's name with what it is
	 */
	static String listName(Chrome chrome, ListKey list, String name) {
		return switch (list.kind()) {
			case SITE -> chrome.t("subscribers.list.site");
			case SECTION -> chrome.t("subscribers.list.section", name == null ? list.toString() : name);
			case AUTHOR -> chrome.t("subscribers.list.author", name == null ? list.toString() : name);
		};
	}

	/**
	 * The search as typed.
	 *
	 * @param status a status key or ""
	 * @param list a list key or ""
	 */
	public record SearchForm(String query, String status, String list) {

		static final SearchForm EMPTY = new SearchForm("", "", "");

		/**
		 * @return the address of this search's page that starts after {@code before}
		 */
		public String after(long before) {
			return first() + "&before=" + before;
		}

		/**
		 * @return the address of this search's first page
		 */
		public String first() {
			return "/newsroom/subscribers?q=" + encode(query) + "&status=" + encode(status) + "&list=" + encode(list);
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

	/**
	 * The subscribers page: lists with counts, a search, the import form and, after an
	 * import, its report.
	 *
	 * @param choosable every list a subscriber may be on, with its name (null for the
	 * site's)
	 * @param cadences the lists whose cadence an editor set; the others are sent each
	 * article
	 * @param digests the latest digest sends, newest first
	 * @param firstPage whether the results start at the newest subscriber
	 * @param maxMegabytes the largest CSV file the import takes
	 * @param report the last import's report, or null
	 * @param notice a message key about the last change, or null
	 * @param error why the last form was refused ("field: problem"), or null
	 */
	public record ListsPage(Chrome chrome, CsrfToken csrf, List<ListCount> lists, Map<ListKey, String> choosable,
			Map<ListKey, Cadence> cadences, List<NewsletterSend> digests, SearchForm search,
			SubscriberRecords.Page results, boolean firstPage, long maxMegabytes, ImportReport report, String notice,
			String error) {

		public String name(ListKey list) {
			return listName(chrome, list, choosable.get(list));
		}

		public String name(ListCount count) {
			return listName(chrome, count.list(), count.name());
		}

		public List<SubscriberStatus> statuses() {
			return List.of(SubscriberStatus.values());
		}

		/**
		 * @return how often the list is sent ({@link Cadence#ARTICLE} when no editor set
		 * it)
		 */
		public Cadence cadence(ListKey list) {
			return cadences.getOrDefault(list, Cadence.ARTICLE);
		}

		public List<Cadence> cadenceChoices() {
			return List.of(Cadence.values());
		}

		/**
		 * @return the instant in the site's time zone
		 */
		public String time(long epochMillis) {
			return chrome.dateTime(java.time.Instant.ofEpochMilli(epochMillis));
		}

	}

	/**
	 * One subscriber's page.
	 *
	 * @param names every list's name, by list
	 * @param notice a message key about the last change, or null
	 * @param error why the last action was refused, or null
	 */
	public record SubscriberPage(Chrome chrome, CsrfToken csrf, Detail detail, Map<ListKey, String> names,
			String notice, String error) {

		public String name(ListKey list) {
			return listName(chrome, list, names.get(list));
		}

		/**
		 * @return the instant in the site's time zone, or "" for null
		 */
		public String time(java.time.Instant instant) {
			return instant == null ? "" : chrome.dateTime(instant);
		}

	}

}
