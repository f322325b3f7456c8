package org.broadsheet.account;

import org.springframework.security.access.AccessDeniedException;

/**
 * What a newsroom account may do, each with the least role that may: the one permission
 * policy every use case asks, instead of comparing roles where it acts. Rules that also
 * depend on the article (whose it is, whether it is live) are the article workflow's,
 * built on these.
 */
public enum Permission {

	/**
	 * Publish, schedule and unpublish one's own articles, and edit them once they are
	 * live.
	 */
	PUBLISH_OWN(Role.AUTHOR, "Only authors publish their own articles"),

	/** Edit, publish and unpublish anyone's article. */
	EDIT_ANY_ARTICLE(Role.EDITOR, "Only editors edit and publish other people's articles"),

	/** Approve, hold, spam and delete comments; open and close an article's comments. */
	MODERATE_COMMENTS(Role.EDITOR, "Only editors moderate comments"),

	/** Rename sections and tags, edit author profiles. */
	EDIT_PEOPLE_AND_TOPICS(Role.EDITOR, "Only editors change sections, tags and author profiles"),

	/** Create, edit, publish and delete static pages (About, Contact, …). */
	MANAGE_PAGES(Role.EDITOR, "Only editors manage pages"),

	/** Edit media library images' default texts and delete unused images. */
	MANAGE_MEDIA(Role.EDITOR, "Only editors edit and delete media library images"),

	/**
	 * See newsletter subscribers and their lists, pause, resume, unsubscribe, export and
	 * delete a subscriber, import a list from a CSV file.
	 */
	MANAGE_SUBSCRIBERS(Role.EDITOR, "Only editors see and manage newsletter subscribers"),

	/** Send articles as newsletters (and tests of them to oneself). */
	SEND_NEWSLETTERS(Role.EDITOR, "Only editors send newsletters"),

	/**
	 * See the fediverse followers and delivery state; approve and reject followers,
	 * forget a dead instance.
	 */
	MANAGE_FEDIVERSE(Role.EDITOR, "Only editors manage fediverse followers and deliveries"),

	/** Create and list newsroom accounts. */
	MANAGE_ACCOUNTS(Role.ADMINISTRATOR, "Only administrators manage accounts"),

	/** Create and revoke API keys; manage webhook subscriptions and their deliveries. */
	MANAGE_INTEGRATIONS(Role.ADMINISTRATOR, "Only administrators manage API keys and webhooks"),

	/**
	 * Change the site settings (name, logo, language, time zone, comment rules, links).
	 */
	MANAGE_SETTINGS(Role.ADMINISTRATOR, "Only administrators change the site settings");

	private final Role least;

	private final String refusal;

	Permission(Role least, String refusal) {
		this.least = least;
		this.refusal = refusal;
	}

	/**
	 * @return whether {@code actor}'s role ({@link Actor#role()}) has this permission; a
	 * {@link SystemActor} has all
	 */
	public boolean allows(Actor actor) {
		return actor.role().atLeast(least);
	}

	/**
	 * @throws AccessDeniedException (403) saying who may, unless {@code actor} has this
	 * permission
	 */
	public void require(Actor actor) {
		if (!allows(actor)) {
			throw new AccessDeniedException(refusal);
		}
	}

}
