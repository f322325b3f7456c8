package org.broadsheet.fediverse.follow;

import java.net.URI;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The local actors' followers, for those who send to them (publishing) and show them.
 */
@Service
public class Followers {

	private final FollowerStore store;

	Followers(FollowerStore store) {
		this.store = store;
	}

	/**
	 * @param actorKeys local actors ({@code site}, {@code author:<id>},
	 * {@code section:<id>})
	 * @return where to deliver to all their accepted followers: one inbox per follower's
	 * instance (its shared inbox, else its own inbox), without duplicates
	 */
	public List<URI> inboxes(Collection<String> actorKeys) {
		return store.inboxes(actorKeys).stream().map(URI::create).toList();
	}

	/**
	 * @param actorKey a local actor
	 * @return how many followers it has (accepted ones; pending ones are not counted)
	 */
	public long count(String actorKey) {
		return store.countAccepted(actorKey);
	}

}
