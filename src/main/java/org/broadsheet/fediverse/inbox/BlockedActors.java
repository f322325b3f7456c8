package org.broadsheet.fediverse.inbox;

import java.net.URI;

/**
 * Accounts and servers whose activities the inbox drops (answered 202, handed to no
 * handler): editors' blocks.
 */
public interface BlockedActors {

	/**
	 * @param actor the verified signer's actor id
	 * @return whether it, or its host or a parent domain of that host, is blocked
	 */
	boolean blocked(URI actor);

}
