package org.broadsheet.newsroom;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.broadsheet.account.Account;
import org.broadsheet.account.ApiKeys;
import org.broadsheet.account.StaffMember;
import org.broadsheet.api.ContentKeys;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.Articles;
import org.broadsheet.article.NewsroomQuery;
import org.broadsheet.article.RevisionDiff;
import org.broadsheet.author.Author;
import org.broadsheet.comment.Comment;
import org.broadsheet.comment.FederatedComments;
import org.broadsheet.comment.Moderation;
import org.broadsheet.media.Image;
import org.broadsheet.media.ImageReference;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.Links;
import org.broadsheet.site.Chrome;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.webhook.WebhookDelivery;
import org.broadsheet.webhook.WebhookSubscription;
import org.springframework.security.web.csrf.CsrfToken;

/** The models of the newsroom's templates ({@code src/main/jte/newsroom}). */
public final class NewsroomPages {

	private NewsroomPages() {
	}

	/**
	 * @param notice a message key about the last sign-in attempt, or null
	 */
	public record LoginPage(Chrome chrome, CsrfToken csrf, String notice) {
	}

	/**
	 * The article form.
	 *
	 * @param editing the saved article, or null for a new one
	 * @param error what was wrong with the last submission ("field: problem"), or null
	 * @param problems the message for each input at fault, by the input's id (e.g.
	 * {@code tags}, {@code leadCaption}, {@code go-live}), in the newsroom's language
	 * @param zone the newsroom's time zone, in which dates are typed
	 * @param commentsClosed whether an editor closed the article's comments; null when
	 * the reader of this page may not change that (not an editor, or a new article)
	 * @param typed what was typed in the workflow forms' inputs, by the input's id, to
	 * show again after a refusal
	 */
	public record EditPage(Chrome chrome, CsrfToken csrf, ArticleWorkflow.Editing editing, ArticleForm form,
			String error, Map<String, String> problems, List<Section> sections, List<Image> images, ZoneId zone,
			Boolean commentsClosed, Map<String, String> typed) {

		/**
		 * @return what was typed in the input with this id, or null
		 */
		public String typed(String input) {
			return typed.get(input);
		}

		/**
		 * @return the message for the input with this id, or null when it is not at fault
		 */
		public String problem(String input) {
			return problems.get(input);
		}

		/** Words per minute of an average adult reading for comprehension. */
		static final int WORDS_PER_MINUTE = 230;

		/**
		 * @return the body's words, as the editor's live counter counts them
		 */
		public int words() {
			String body = form.body() == null ? "" : form.body().strip();
			return body.isEmpty() ? 0 : body.split("\\s+").length;
		}

		/**
		 * @return minutes to read the body, at least 1
		 */
		public int readingMinutes() {
			return Math.max(1, (words() + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
		}

		/**
		 * @return the instant as the newsroom types it (datetime-local), or ""
		 */
		public String local(Instant instant) {
			return instant == null ? "" : instant.atZone(zone).toLocalDateTime().withSecond(0).withNano(0).toString();
		}

	}

	/**
	 * The media library: recent images (or those matching a search) and the upload form.
	 *
	 * @param query the search as typed, "" for none
	 * @param error what was wrong with the last upload, or null
	 */
	public record MediaPage(Chrome chrome, CsrfToken csrf, String query, List<Image> images, String error) {
	}

	/**
	 * One media library image: its default texts to edit, where it is used, and deletion
	 * when it is used nowhere.
	 *
	 * @param image its texts as typed when a save was refused, else as stored
	 * @param uses the places that show it
	 * @param problems the message for each input at fault, by the input's id
	 * @param notice a message key for what was just done, or null
	 */
	public record ImagePage(Chrome chrome, CsrfToken csrf, Image image, List<ImageReference> uses,
			Map<String, String> problems, String notice) {

		/**
		 * @return the message for the input with this id, or null when it is not at fault
		 */
		public String problem(String input) {
			return problems.get(input);
		}

	}

	/**
	 * Authors' profiles, sections and tags.
	 *
	 * @param error the last problem ("field: problem"), or null
	 * @param problems the message for each input at fault, by the input's id (e.g.
	 * {@code links-12}, {@code section-name-3})
	 * @param formerStaff the ids of the authors whose account was deleted
	 */
	public record PeoplePage(Chrome chrome, CsrfToken csrf, List<Author> authors, List<Section> sections,
			List<Tag> tags, List<Image> images, String error, Map<String, String> problems, Set<Long> formerStaff) {

		/**
		 * @return the message for the input with this id, or null when it is not at fault
		 */
		public String problem(String input) {
			return problems.get(input);
		}

	}

	/**
	 * Accounts, for administrators.
	 *
	 * @param self the administrator reading it, whose own row offers no changes
	 * @param error the last problem ("field: problem"), or null
	 * @param problems the message for each input at fault, by the input's id (a row's
	 * inputs end in {@code -<account id>})
	 * @param form what was typed into the new-account form (never the password), kept
	 * after a refusal
	 * @param notice a message key about the last change, or null
	 */
	public record UsersPage(Chrome chrome, CsrfToken csrf, Account self, List<StaffMember> accounts, String error,
			Map<String, String> problems, NewAccount form, String notice) {

		/**
		 * @return whether a form of this account's row was refused (its forms show open)
		 */
		public boolean refused(long accountId) {
			return problems.keySet().stream().anyMatch(input -> input.endsWith("-" + accountId));
		}

		/**
		 * @return the message for the input with this id, or null when it is not at fault
		 */
		public String problem(String input) {
			return problems.get(input);
		}

	}

	/**
	 * One's own account: password and two-factor sign-in.
	 *
	 * @param twoFactor whether two-factor sign-in is on
	 * @param recoveryCodesLeft unused recovery codes, when it is on
	 * @param enrolling a secret shown for enrolment (base32), or null
	 * @param otpauth the secret as an {@code otpauth://} URI for authenticator apps, or
	 * null
	 * @param recoveryCodes the codes just made, shown this once; null otherwise
	 * @param notice a message key about the last change, or null
	 * @param error the last problem ("field: problem"), or null
	 * @param problems the message for each input at fault, by the input's id
	 */
	public record OwnAccountPage(Chrome chrome, CsrfToken csrf, Account account, boolean twoFactor,
			int recoveryCodesLeft, String enrolling, String otpauth, List<String> recoveryCodes, String notice,
			String error, Map<String, String> problems) {

		/**
		 * @return the message for the input with this id, or null when it is not at fault
		 */
		public String problem(String input) {
			return problems.get(input);
		}

	}

	/**
	 * The sign-in pages after the first: the code step, the forgotten-password request
	 * and the new password of a reset link.
	 *
	 * @param notice a message key, or null
	 * @param mail whether reset links can be sent by e-mail
	 * @param token the reset link's token, or null
	 * @param problem the message for the one input at fault, or null
	 */
	public record SignInStepPage(Chrome chrome, CsrfToken csrf, String notice, boolean mail, String token,
			String problem) {
	}

	/** The new-account form as typed: email, display name, role name. */
	public record NewAccount(String email, String name, String role) {

		static final NewAccount EMPTY = new NewAccount("", "", "contributor");

	}

	/**
	 * The API keys page.
	 *
	 * @param contentKeys the Content API's keys
	 * @param issued a key just issued (its secret shown this once), or null
	 * @param error why the last form was refused, or null
	 */
	public record ApiKeysPage(Chrome chrome, CsrfToken csrf, List<ApiKeys.ApiKey> keys,
			List<ContentKeys.ContentKey> contentKeys, List<Account> accounts, IssuedSecret issued, String error,
			Map<String, String> problems, NewApiKey form) {

		/**
		 * @return the message for the input with this id, or null when it is not at fault
		 */
		public String problem(String input) {
			return problems.get(input);
		}

	}

	/**
	 * A key just issued.
	 *
	 * @param secret shown this once
	 */
	public record IssuedSecret(String name, String secret) {
	}

	/** The new-key form as typed: name, the account's email, role name. */
	public record NewApiKey(String name, String account, String role) {

		static final NewApiKey EMPTY = new NewApiKey("", "", "contributor");

	}

	/**
	 * Webhook subscriptions, for administrators.
	 *
	 * @param events every event type, in the order the form offers them
	 * @param error the last problem ("field: problem"), or null
	 * @param problems the message for each input at fault, by the input's id
	 * ({@code webhook-url}, {@code webhook-events}, {@code webhook-description})
	 * @param form what was typed into the new-subscription form, kept after a refusal
	 * @param notice a message key about the last change, or null
	 */
	public record WebhooksPage(Chrome chrome, CsrfToken csrf, List<WebhookSubscription> subscriptions,
			List<String> events, String error, Map<String, String> problems, NewWebhook form, String notice) {

		/**
		 * @return the message for the input with this id, or null when it is not at fault
		 */
		public String problem(String input) {
			return problems.get(input);
		}

	}

	/** The new-subscription form as typed. */
	public record NewWebhook(String url, Set<String> events, String description) {

		static final NewWebhook EMPTY = new NewWebhook("", Set.of(), "");

	}

	/**
	 * One subscription with its secret and delivery log.
	 *
	 * @param secret {@code whsec_…}, shown on request
	 * @param deliveries newest first
	 * @param notice a message key about the last change ({@code webhooks.created},
	 * {@code webhooks.rotated}, {@code webhooks.resent}), or null
	 */
	public record WebhookPage(Chrome chrome, CsrfToken csrf, WebhookSubscription subscription, String secret,
			List<WebhookDelivery> deliveries, String notice) {

		/**
		 * @return the instant as UTC ISO-8601 to the second, or an empty string for null
		 */
		public String time(Instant instant) {
			return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
		}

	}

	/**
	 * @param refused why a form was refused, or null
	 * @param inputOf the id of the form's input for a field the rules name
	 * @return the message for the input at fault, by its id, in the newsroom's language;
	 * empty when the refusal names no field
	 */
	static Map<String, String> problems(Chrome chrome, IllegalArgumentException refused,
			UnaryOperator<String> inputOf) {
		return refused instanceof InvalidInput invalid
				? Map.of(inputOf.apply(invalid.field()), chrome.t(invalid.key(), invalid.arguments())) : Map.of();
	}

	/** Two revisions side by side. */
	public record ComparePage(Chrome chrome, long articleId, RevisionDiff diff) {
	}

	/** The newsroom's article list with its filters. */
	public record ArticlesPage(Chrome chrome, CsrfToken csrf, Account account, NewsroomQuery query,
			Articles.NewsroomList list, List<Section> sections, List<Author> authors) {

		/**
		 * @return this list's address with one parameter changed (null removes it) and
		 * page 1 unless it is the page
		 */
		public String with(String name, Object value) {
			var params = new LinkedHashMap<String, Object>();
			params.put("status", query.status() == null ? null : query.status().name().toLowerCase(Locale.ROOT));
			params.put("section", query.sectionId());
			params.put("author", query.authorId());
			params.put("q", query.titleContains());
			params.put(name, value);
			return Links.withQuery("/newsroom", params);
		}

	}

	/**
	 * The moderation queue.
	 *
	 * @param titles article id → title, for the comments listed
	 */
	public record CommentsPage(Chrome chrome, CsrfToken csrf, Moderation.Queue queue, Map<Long, String> titles,
			Map<Long, FederatedComments.RemoteAuthor> remote) {

		/**
		 * @return the fediverse author's avatar, https only, or null
		 */
		public String avatar(FederatedComments.RemoteAuthor author) {
			return FediversePages.avatar(author);
		}

		/**
		 * @return the fediverse author's profile page (else actor id), http(s), or null
		 */
		public String profile(FederatedComments.RemoteAuthor author) {
			return FediversePages.profile(author);
		}

	}

	/**
	 * @param problems field → message key, for a refused edit
	 */
	public record CommentEditPage(Chrome chrome, CsrfToken csrf, Comment comment, String articleTitle, String name,
			String email, String website, String text, Map<String, String> problems) {
	}

}
