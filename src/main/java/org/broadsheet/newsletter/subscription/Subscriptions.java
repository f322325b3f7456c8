package org.broadsheet.newsletter.subscription;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.broadsheet.newsletter.ListKey;
import org.broadsheet.newsletter.subscription.ConfirmationMail.Confirmation;
import org.broadsheet.newsletter.subscription.SubscriberLinks.Purpose;
import org.broadsheet.newsletter.subscription.SubscriberStore.Subscriber;
import org.broadsheet.shared.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readers' use cases for newsletters, each one transaction that writes a consent record
 * and a change-log entry ({@link SubscriberChanged}): sign up (double opt-in), confirm,
 * change lists, pause, resume, unsubscribe. The signed links ({@link SubscriberLinks})
 * authenticate; nobody signs in. A bad, tampered or expired link is an
 * {@link InvalidInput} naming {@code t}, the same whether or not the subscriber exists.
 */
@Service
public class Subscriptions {

	/** How long a confirmation link works. */
	public static final Duration CONFIRM_LIFETIME = Duration.ofHours(48);

	private final SubscriberStore store;

	private final NewsletterLists lists;

	private final ConfirmationMail mail;

	private final SignUpThrottle throttle;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	Subscriptions(SubscriberStore store, NewsletterLists lists, ConfirmationMail mail, SignUpThrottle throttle,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
		this.store = store;
		this.lists = lists;
		this.mail = mail;
		this.throttle = throttle;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * A sign-up form as sent.
	 *
	 * @param email the address typed
	 * @param name the name typed, or null
	 * @param lists list keys ({@link ListKey}), at least one
	 * @param source the site-relative address of the page the form was on
	 * @param wording the consent text the form showed, kept in the consent record
	 * @param clientAddress the client's IP address, for the rate limit and the record
	 * @param honeypot the field people never see: anything in it marks a bot
	 */
	public record SignUp(String email, String name, List<String> lists, String source, String wording,
			String clientAddress, String honeypot) {
	}

	/**
	 * Records a sign-up and sends its confirmation mail after commit, on another thread.
	 * A new mailbox becomes a {@code pending} subscriber; for a known one only the
	 * consent record is written, and the lists are added when the link is followed. The
	 * caller answers alike whatever happened: a known address, a bot (honeypot), a
	 * mailbox that had its share of mails ({@link SignUpThrottle}) all look the same.
	 * @throws InvalidInput naming {@code email}, {@code name} or {@code list}
	 * @throws TooManySignUps when the client address has sent too many
	 */
	public void signUp(SignUp input) {
		String email = SubscriberInput.email("email", input.email());
		String name = SubscriberInput.name("name", input.name());
		List<ListKey> asked = lists.existing("list", input.lists());
		if (input.honeypot() != null && !input.honeypot().isEmpty()) {
			return;
		}
		throttle.client(input.clientAddress());
		String emailKey = SubscriberInput.emailKey(email);
		if (!throttle.mailbox(emailKey) || !mail.available()) {
			return;
		}
		Confirmation confirmation = transactions.execute(status -> {
			long now = clock.millis();
			Subscriber subscriber = store.createOrFind(email, emailKey, name, newSecret(), now);
			store.consent(subscriber.id(), now, "signup", SubscriberInput.source(input.source()), input.wording(),
					asked, input.clientAddress());
			events.publishEvent(new SubscriberChanged(subscriber.id(), "signed-up"));
			return new Confirmation(subscriber.id(), subscriber.email(), subscriber.name(), subscriber.linkSecret(),
					now + CONFIRM_LIFETIME.toMillis(), asked);
		});
		mail.send(confirmation);
	}

	/**
	 * Follows a confirmation link: the lists its sign-up asked for are added and the
	 * subscriber is {@code active} (a paused one stays paused).
	 * @param expiresAt the link's {@code e}: the sign-up's instant plus
	 * {@link #CONFIRM_LIFETIME}, UTC epoch ms
	 * @return the lists confirmed
	 * @throws InvalidInput naming {@code t}: unknown subscriber, bad or expired token, a
	 * sign-up not on record, or one followed by an unsubscription
	 */
	public List<ListKey> confirm(long subscriberId, long expiresAt, String token) {
		return transactions.execute(status -> {
			long now = clock.millis();
			Subscriber subscriber = signed(Purpose.CONFIRM, subscriberId, expiresAt, token);
			var signUp = signUpOf(subscriberId, expiresAt);
			store.addLists(subscriberId, signUp.lists(), now);
			if (!"paused".equals(subscriber.status())) {
				store.status(subscriberId, "active", now);
			}
			store.consent(subscriberId, now, "confirmed", Purpose.CONFIRM.path(), signUp.wording(), signUp.lists(),
					null);
			events.publishEvent(new SubscriberChanged(subscriberId, "confirmed"));
			return signUp.lists();
		});
	}

	/**
	 * What a confirmation link would confirm, for the page that asks the reader to press
	 * the button (a mail scanner opening the link changes nothing).
	 *
	 * @param email the subscriber's address
	 * @param lists the sign-up's lists, in the order asked for
	 */
	public record ToConfirm(String email, List<ListKey> lists) {
	}

	/**
	 * Reads what a confirmation link confirms, with the same checks as {@link #confirm};
	 * writes nothing.
	 * @param expiresAt the link's {@code e}, UTC epoch ms
	 * @return the address and the lists that {@link #confirm} would add
	 * @throws InvalidInput naming {@code t} for every link that {@link #confirm} refuses
	 */
	public ToConfirm toConfirm(long subscriberId, long expiresAt, String token) {
		return transactions.execute(status -> {
			status.setRollbackOnly();
			Subscriber subscriber = signed(Purpose.CONFIRM, subscriberId, expiresAt, token);
			return new ToConfirm(subscriber.email(), signUpOf(subscriberId, expiresAt).lists());
		});
	}

	/**
	 * @return the sign-up a confirmation link names (its instant is the link's expiry
	 * less {@link #CONFIRM_LIFETIME})
	 * @throws InvalidInput naming {@code t} when it is not on record or an unsubscription
	 * followed it
	 */
	private SubscriberStore.SignUpConsent signUpOf(long subscriberId, long expiresAt) {
		return store.signUpAt(subscriberId, expiresAt - CONFIRM_LIFETIME.toMillis())
			.filter(s -> !store.unsubscribedAfter(subscriberId, s.id()))
			.orElseThrow(Subscriptions::refused);
	}

	/**
	 * What the preferences page shows.
	 *
	 * @param status {@code pending}, {@code active}, {@code paused} or
	 * {@code unsubscribed}
	 * @param lists list key → its name: the lists offered, and the subscriber's own
	 * @param chosen the keys of the subscriber's lists
	 */
	public record Preferences(long subscriberId, String email, String status, Map<String, String> lists,
			List<String> chosen) {
	}

	/**
	 * @param token a preferences link's
	 * @throws InvalidInput naming {@code t} for a link that is not the subscriber's
	 */
	public Preferences preferences(long subscriberId, String token) {
		Subscriber subscriber = signed(Purpose.PREFERENCES, subscriberId, 0, token);
		List<ListKey> own = store.lists(subscriberId);
		Map<String, String> all = new LinkedHashMap<>();
		lists.offered().forEach(choice -> all.put(choice.key(), choice.label()));
		lists.named(own).forEach(choice -> all.putIfAbsent(choice.key(), choice.label()));
		return new Preferences(subscriberId, subscriber.email(), subscriber.status(), all,
				own.stream().map(ListKey::toString).toList());
	}

	/**
	 * Replaces the subscriber's lists (a pending or unsubscribed subscriber, who proved
	 * the mailbox by the link, becomes active).
	 * @throws InvalidInput naming {@code t} (link) or {@code list} (none, or unknown)
	 */
	public void changeLists(long subscriberId, String token, List<String> keys) {
		signed(Purpose.PREFERENCES, subscriberId, 0, token);
		List<ListKey> chosen = lists.existing("list", keys);
		change(subscriberId, token, Purpose.PREFERENCES, "lists", subscriber -> {
			store.replaceLists(subscriberId, chosen, clock.millis());
			if (!"paused".equals(subscriber.status())) {
				store.status(subscriberId, "active", clock.millis());
			}
			return chosen;
		});
	}

	/**
	 * Pauses or resumes every e-mail; the lists stay.
	 * @throws InvalidInput naming {@code t}
	 */
	public void pause(long subscriberId, String token, boolean paused) {
		change(subscriberId, token, Purpose.PREFERENCES, paused ? "paused" : "resumed", subscriber -> {
			store.status(subscriberId, paused ? "paused" : "active", clock.millis());
			return store.lists(subscriberId);
		});
	}

	/**
	 * Unsubscribes from every list (the row and its consent record stay); again is a
	 * no-op.
	 * @param purpose {@link Purpose#UNSUBSCRIBE} for the one-click link (RFC 8058),
	 * {@link Purpose#PREFERENCES} for the preferences page's button
	 * @throws InvalidInput naming {@code t}
	 */
	public void unsubscribe(long subscriberId, String token, Purpose purpose) {
		Subscriber subscriber = signed(purpose, subscriberId, 0, token);
		if ("unsubscribed".equals(subscriber.status())) {
			return;
		}
		change(subscriberId, token, purpose, "unsubscribed", s -> {
			List<ListKey> had = store.lists(subscriberId);
			store.replaceLists(subscriberId, List.of(), clock.millis());
			store.status(subscriberId, "unsubscribed", clock.millis());
			return had;
		});
	}

	/** A change made through a signed link. */
	private interface Change {

		/**
		 * @return the lists the consent record names
		 */
		List<ListKey> apply(Subscriber subscriber);

	}

	private void change(long subscriberId, String token, Purpose purpose, String action, Change change) {
		transactions.executeWithoutResult(status -> {
			Subscriber subscriber = signed(purpose, subscriberId, 0, token);
			List<ListKey> named = new ArrayList<>(change.apply(subscriber));
			String source = purpose == Purpose.UNSUBSCRIBE ? "one-click" : Purpose.PREFERENCES.path();
			store.consent(subscriberId, clock.millis(), action, source, lists.t("newsletter.consent." + action), named,
					null);
			events.publishEvent(new SubscriberChanged(subscriberId, action));
		});
	}

	private Subscriber signed(Purpose purpose, long subscriberId, long expiresAt, String token) {
		Optional<Subscriber> subscriber = store.byId(subscriberId);
		if (subscriber.isEmpty() || !SubscriberLinks.valid(purpose, subscriberId, subscriber.get().linkSecret(),
				expiresAt, token, clock.millis())) {
			throw refused();
		}
		return subscriber.get();
	}

	/** A new link secret: 32 random bytes, base64url without padding (43 characters). */
	private String newSecret() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The one refusal of a link, whatever was wrong with it. */
	private static InvalidInput refused() {
		return new InvalidInput("t", "newsletter.invalid.link");
	}

}
