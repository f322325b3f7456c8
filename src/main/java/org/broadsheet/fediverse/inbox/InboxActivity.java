package org.broadsheet.fediverse.inbox;

import java.net.URI;

import tools.jackson.databind.JsonNode;

/**
 * An activity received in an inbox whose HTTP signature was verified.
 *
 * @param signer the id of the actor whose key signed the request (its {@code publicKey}
 * {@code owner}); an activity whose {@code actor} is another actor is refused before a
 * handler sees it
 * @param type the activity's {@code type} ({@code Follow}, {@code Like}, …)
 * @param activity the activity as received (ActivityStreams 2.0 JSON-LD, compacted)
 * @param inbox the local actor whose inbox received it ({@code site}, {@code author:12},
 * {@code section:3}), or null for the shared inbox
 * @param receivedAt when it arrived, UTC epoch milliseconds
 */
public record InboxActivity(URI signer, String type, JsonNode activity, String inbox, long receivedAt) {

}
