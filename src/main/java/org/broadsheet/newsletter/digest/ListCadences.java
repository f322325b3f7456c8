package org.broadsheet.newsletter.digest;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.broadsheet.account.Actor;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.Permission;
import org.broadsheet.newsletter.ListKey;
import org.broadsheet.newsletter.admin.Subscribers;
import org.broadsheet.shared.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How often each newsletter list is sent ({@link Cadence}; a list nobody set is sent each
 * article). The newsroom's reads and changes require
 * {@link Permission#MANAGE_SUBSCRIBERS} (editors and administrators, else
 * {@link AccessDeniedException}); a change is audited
 * ({@link NewsroomAudit#NEWSLETTER_LIST}, action {@code cadence}, detail
 * {@code <list> <cadence>}) and published as one {@link CadenceChanged}. The sends read
 * the cadences without a permission ({@link #perArticle}, {@link #digests}).
 */
@Service
public class ListCadences {

	private final CadenceStore store;

	private final NewsroomAudit audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Subscribers lists;

	ListCadences(CadenceStore store, NewsroomAudit audit, ApplicationEventPublisher events, Clock clock,
			Subscribers lists) {
		this.store = store;
		this.lists = lists;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @return the cadence of every list an editor set, by list; the others are
	 * {@link Cadence#ARTICLE}
	 * @throws AccessDeniedException unless {@code actor} may manage subscribers
	 */
	@Transactional(readOnly = true)
	public Map<ListKey, Cadence> cadences(Actor actor) {
		Permission.MANAGE_SUBSCRIBERS.require(actor);
		var cadences = new LinkedHashMap<ListKey, Cadence>();
		store.all().forEach((key, cadence) -> cadences.put(ListKey.parse("list_key", key), cadence));
		return cadences;
	}

	/**
	 * Sets how often a list is sent, from the newsroom's form.
	 * @param list a list key as submitted ({@code site}, {@code section:3},
	 * {@code author:5})
	 * @param cadence {@code article}, {@code daily} or {@code weekly}
	 * @throws AccessDeniedException unless {@code actor} may manage subscribers
	 * @throws InvalidInput naming {@code list} ({@code newsletter.invalid.list}: not a
	 * list key, or no such section or author) or {@code cadence}
	 * ({@code newsletter.invalid.cadence})
	 */
	@Transactional
	public void set(Actor actor, String list, String cadence) {
		Permission.MANAGE_SUBSCRIBERS.require(actor);
		ListKey key = ListKey.parse("list", list);
		Cadence chosen = Cadence.parse("cadence", cadence);
		if (!lists.choosable(actor).containsKey(key)) {
			throw new InvalidInput("list", "newsletter.invalid.list");
		}
		long id = store.set(key, chosen, clock.millis());
		audit.record(NewsroomAudit.NEWSLETTER_LIST, id, actor, "cadence", key + " " + chosen.key());
		events.publishEvent(new CadenceChanged(id));
	}

	/**
	 * @return those of {@code keys} that are sent each article, in their order
	 */
	@Transactional(readOnly = true)
	public Set<String> perArticle(Collection<String> keys) {
		Set<String> kept = new LinkedHashSet<>(keys);
		kept.removeAll(store.digestsAmong(keys));
		return kept;
	}

	/**
	 * @return the lists sent as daily or weekly digests, by key
	 */
	@Transactional(readOnly = true)
	public List<DigestList> digests() {
		return store.digests();
	}

}
