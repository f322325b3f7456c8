package org.broadsheet.newsletter.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.broadsheet.account.Actor;
import org.broadsheet.account.Permission;
import org.broadsheet.author.Author;
import org.broadsheet.author.Authors;
import org.broadsheet.newsletter.ListKey;
import org.broadsheet.newsletter.admin.SubscriberRecords.Detail;
import org.broadsheet.newsletter.admin.SubscriberRecords.ListCount;
import org.broadsheet.newsletter.admin.SubscriberRecords.Page;
import org.broadsheet.newsletter.admin.SubscriberRecords.Row;
import org.broadsheet.newsletter.admin.SubscriberRecords.Search;
import org.broadsheet.shared.NotFound;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Taxonomy;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the newsroom reads of subscribers: the lists with their counts, searches, one
 * subscriber's record. Every method requires {@link Permission#MANAGE_SUBSCRIBERS}
 * (editors and administrators) and throws {@link AccessDeniedException} otherwise.
 */
@Service
public class Subscribers {

	/** Subscribers on a page of a search. */
	public static final int PAGE_SIZE = 50;

	/** Latest deliveries on a subscriber's page. */
	public static final int RECENT_DELIVERIES = 20;

	private final SubscriberTable store;

	private final Taxonomy taxonomy;

	private final Authors authors;

	Subscribers(SubscriberTable store, Taxonomy taxonomy, Authors authors) {
		this.store = store;
		this.taxonomy = taxonomy;
		this.authors = authors;
	}

	/**
	 * @return the site's list (always, first) and every section's and author's list that
	 * has subscribers, by name, with the count of active, pending and paused subscribers
	 * (unsubscribed ones have left their lists)
	 */
	@Transactional(readOnly = true)
	public List<ListCount> lists(Actor actor) {
		Permission.MANAGE_SUBSCRIBERS.require(actor);
		var counts = store.counts();
		var names = names();
		List<ListCount> lists = new ArrayList<>();
		lists.add(count(ListKey.SITE, null, counts.getOrDefault("site", Map.of())));
		List<ListCount> others = new ArrayList<>();
		counts.forEach((key, byStatus) -> {
			if (!"site".equals(key)) {
				others.add(count(ListKey.parse("list", key), names.getOrDefault(key, key), byStatus));
			}
		});
		others.sort(Comparator.comparing((ListCount c) -> c.list().kind()).thenComparing(ListCount::name));
		lists.addAll(others);
		return lists;
	}

	/**
	 * @return the lists a subscriber may be put on: the site's, each section's, each
	 * author's, by key, with their names ({@code null} for the site)
	 */
	@Transactional(readOnly = true)
	public Map<ListKey, String> choosable(Actor actor) {
		Permission.MANAGE_SUBSCRIBERS.require(actor);
		Map<ListKey, String> lists = new java.util.LinkedHashMap<>();
		lists.put(ListKey.SITE, null);
		for (Section section : taxonomy.sections()) {
			lists.put(ListKey.section(section.id()), section.name());
		}
		for (Author author : authors.all()) {
			lists.put(ListKey.author(author.id()), author.name());
		}
		return lists;
	}

	/**
	 * One page of subscribers, newest first: those whose address or name starts with the
	 * query (any case), in the status and on the list asked for.
	 */
	@Transactional(readOnly = true)
	public Page search(Actor actor, Search search) {
		Permission.MANAGE_SUBSCRIBERS.require(actor);
		List<Row> rows = store.search(search, PAGE_SIZE + 1);
		if (rows.size() <= PAGE_SIZE) {
			return new Page(rows, null);
		}
		List<Row> page = rows.subList(0, PAGE_SIZE);
		return new Page(List.copyOf(page), page.get(PAGE_SIZE - 1).id());
	}

	/**
	 * @throws NotFound for an unknown id
	 */
	@Transactional(readOnly = true)
	public Detail find(Actor actor, long id) {
		Permission.MANAGE_SUBSCRIBERS.require(actor);
		Row row = store.row(id).orElseThrow(() -> new NotFound("subscriber", id));
		var more = store.more(id);
		return new Detail(row, more.pausedReason(), more.hardBounces(), more.confirmedAt(), more.updatedAt(),
				store.lists(id), store.consents(id), store.deliverySummary(id),
				store.deliveries(id, RECENT_DELIVERIES));
	}

	/**
	 * @return the name of each section's and author's list, by key
	 */
	Map<String, String> names() {
		Map<String, String> names = taxonomy.sections()
			.stream()
			.collect(Collectors.toMap(s -> ListKey.section(s.id()).toString(), Section::name, (a, b) -> a));
		names.putAll(authors.all()
			.stream()
			.collect(Collectors.toMap(a -> ListKey.author(a.id()).toString(), Author::name, (a, b) -> a)));
		return names;
	}

	private static ListCount count(ListKey list, String name, Map<SubscriberStatus, Long> byStatus) {
		Function<SubscriberStatus, Long> n = status -> byStatus.getOrDefault(status, 0L);
		return new ListCount(list, name, n.apply(SubscriberStatus.ACTIVE), n.apply(SubscriberStatus.PENDING),
				n.apply(SubscriberStatus.PAUSED));
	}

}
