package org.broadsheet.fediverse.interaction;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import org.broadsheet.comment.CommentRejected;
import org.broadsheet.comment.FederatedComment;
import org.broadsheet.comment.FederatedComments;
import org.broadsheet.fediverse.inbox.InboxActivity;
import org.broadsheet.fediverse.inbox.InboxHandler;
import org.broadsheet.shared.InvalidInput;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Replies from the fediverse as comments (ActivityPub §7.2–7.4): {@code Create} of a
 * public {@code Note} whose {@code inReplyTo} is a public article's URL or a comment's id
 * stores a comment held for moderation ({@link FederatedComments}); {@code Update} of
 * that Note replaces its text; {@code Delete} of it (its id, or a {@code Tombstone})
 * deletes it, and {@code Delete} of the actor itself deletes all their comments. Only the
 * Note's author (the signer) may update or delete it. Activities of blocked accounts and
 * domains ({@link FediverseBlocks}) change nothing; so do Notes not addressed to the
 * public (direct messages are not comments), other object types, and updates or deletions
 * of objects that are no comment here.
 */
@Component
class Replies implements InboxHandler {

	private final FederatedComments comments;

	private final ReplyTargets targets;

	private final RemoteAuthors authors;

	private final FediverseBlocks blocks;

	Replies(FederatedComments comments, ReplyTargets targets, RemoteAuthors authors, FediverseBlocks blocks) {
		this.comments = comments;
		this.targets = targets;
		this.authors = authors;
		this.blocks = blocks;
	}

	@Override
	public Set<String> types() {
		return Set.of("Create", "Update", "Delete");
	}

	/**
	 * @throws InvalidInput naming {@code inReplyTo} (not a public article or an approved
	 * comment here, or comments closed), {@code object.*} (malformed, another author),
	 * {@code actor} (document unreadable, or not the Note's author)
	 */
	@Override
	public void handle(InboxActivity activity) {
		if (blocks.blocked(activity.signer())) {
			return;
		}
		JsonNode object = activity.activity().get("object");
		String objectId = Json.id(activity.activity(), "object");
		if (objectId == null) {
			throw new InvalidInput("object", "fediverse.error.id", "");
		}
		switch (activity.type()) {
			case "Create" -> {
				if (isNote(object)) {
					create(activity.signer(), object);
				}
			}
			case "Update" -> {
				if (isNote(object)) {
					comments.revise(objectId, activity.signer().toString(), NoteText.of(Json.text(object, "content")));
				}
			}
			default -> {
				if (objectId.equals(activity.signer().toString())) {
					comments.removeAll(objectId);
				}
				else {
					comments.remove(objectId, activity.signer().toString());
				}
			}
		}
	}

	private static boolean isNote(JsonNode object) {
		return object != null && object.isObject() && "Note".equals(Json.text(object, "type"));
	}

	private void create(URI signer, JsonNode note) {
		if (!Json.isPublic(note)) {
			return;
		}
		String id = Json.uri(Json.text(note, "id"), "object.id").toString();
		String attributedTo = Json.id(note, "attributedTo");
		if (!signer.toString().equals(attributedTo)) {
			throw new InvalidInput("object.attributedTo", "fediverse.error.notAuthor", String.valueOf(attributedTo));
		}
		String inReplyTo = Json.id(note, "inReplyTo");
		var target = inReplyTo == null ? null : targets.find(Json.uri(inReplyTo, "inReplyTo")).orElse(null);
		if (target == null) {
			throw new InvalidInput("inReplyTo", "fediverse.error.inReplyTo", String.valueOf(inReplyTo));
		}
		if (comments.find(id).isPresent()) {
			return; // delivered again
		}
		var author = authors.fetch(signer);
		try {
			comments.receive(
					new FederatedComment(target.articleId(), target.commentId(), signer.toString(), id, author.name(),
							author.profileUrl(), author.avatarUrl(), NoteText.of(Json.text(note, "content"))),
					target.publishedAt());
		}
		catch (CommentRejected ex) {
			if (ex.reason() == CommentRejected.Reason.CLOSED) {
				throw new InvalidInput("inReplyTo", "fediverse.error.closed", inReplyTo);
			}
			Map.Entry<String, String> problem = ex.problems().entrySet().iterator().next();
			String field = problem.getKey().equals("parent") ? "inReplyTo" : "object." + problem.getKey();
			throw new InvalidInput(field, problem.getValue(), inReplyTo);
		}
	}

}
