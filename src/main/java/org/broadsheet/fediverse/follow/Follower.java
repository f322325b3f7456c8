package org.broadsheet.fediverse.follow;

/**
 * A remote actor following a local one.
 *
 * @param actorKey the local actor: {@code site}, {@code author:<id>} or
 * {@code section:<id>}
 * @param follower the remote actor's id (a URL)
 * @param inbox its inbox URL
 * @param sharedInbox its instance's shared inbox URL, or null
 * @param state {@code accepted} or {@code pending}
 * @param followId the {@code Follow} activity's id, or null
 * @param createdAt UTC epoch milliseconds
 */
public record Follower(String actorKey, String follower, String inbox, String sharedInbox, String state,
		String followId, long createdAt) {

	/**
	 * @return where activities for it go: its shared inbox, else its own
	 */
	public String deliveryInbox() {
		return sharedInbox != null ? sharedInbox : inbox;
	}

}
