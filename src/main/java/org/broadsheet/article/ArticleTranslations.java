package org.broadsheet.article;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.broadsheet.account.Actor;
import org.broadsheet.delivery.PagesChanged;
import org.broadsheet.delivery.Surrogates;
import org.broadsheet.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles that are translations of each other: an article may name its translations, in
 * other languages. Translations form a group, so linking A with B and B with C makes all
 * three translations of each other; one group holds at most one article per language (an
 * article without a language of its own counts as the site's). Linking and unlinking go
 * through here as every article change goes through {@link ArticleWorkflow}: the actor
 * must be allowed to edit both articles; one audit entry on the article being edited; one
 * {@link ArticleEvent} for it ({@code ArticleUpdated} when it is published, else
 * {@code ArticleRevised}); and the pages of every article of the group before and after
 * the change are evicted, since each shows the others as alternates.
 */
@Service
public class ArticleTranslations {

	/** The form field and API member that names the other article. */
	public static final String FIELD = "translation";

	private final TranslationRepository groups;

	private final ArticleRepository articles;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ArticleTranslations(TranslationRepository groups, ArticleRepository articles, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.groups = groups;
		this.articles = articles;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Names {@code otherId} as a translation of {@code id}: their groups become one.
	 * Linking articles already linked changes nothing.
	 * @throws NotFound when there is no article {@code id}
	 * @throws InvalidArticle naming {@value #FIELD} when the other article does not
	 * exist, is this one, or the joined group would have two articles in one language
	 * @throws AccessDeniedException unless the actor may edit both articles
	 */
	@Transactional
	public void link(Actor actor, long id, long otherId) {
		var state = articles.lockedState(id).orElseThrow(() -> new NotFound("article", id));
		if (otherId == id) {
			throw new InvalidArticle(FIELD, "article.invalid.translation-self");
		}
		var other = articles.lockedState(otherId)
			.orElseThrow(
					() -> new InvalidArticle(FIELD, "article.invalid.translation-missing", Long.toString(otherId)));
		requireEdit(actor, state);
		requireEdit(actor, other);
		Long group = groups.group(id).orElse(null);
		Long otherGroup = groups.group(otherId).orElse(null);
		if (group != null && group.equals(otherGroup)) {
			return;
		}
		Set<Long> before = new LinkedHashSet<>(groups.memberIds(id));
		before.addAll(groups.memberIds(otherId));
		requireOneArticleALanguage(id, otherId);
		long target = group != null ? group : otherGroup != null ? otherGroup : groups.newGroup();
		if (otherGroup != null && otherGroup != target) {
			groups.merge(otherGroup, target);
		}
		groups.join(id, target);
		groups.join(otherId, target);
		before.add(id);
		before.add(otherId);
		done(actor, id, state, "translation-linked", otherId, before);
	}

	/**
	 * Takes {@code otherId} out of the translations of {@code id} (and of every other
	 * article of their group); {@code otherId == id} takes {@code id} itself out.
	 * @throws NotFound when there is no article {@code id}
	 * @throws InvalidArticle naming {@value #FIELD} when the other article is not one of
	 * its translations
	 * @throws AccessDeniedException unless the actor may edit both articles
	 */
	@Transactional
	public void unlink(Actor actor, long id, long otherId) {
		var state = articles.lockedState(id).orElseThrow(() -> new NotFound("article", id));
		List<Long> members = groups.memberIds(id);
		if (!members.contains(otherId)) {
			throw new InvalidArticle(FIELD, "article.invalid.translation-not-linked", Long.toString(otherId));
		}
		requireEdit(actor, state);
		if (otherId != id) {
			requireEdit(actor, articles.lockedState(otherId).orElseThrow(() -> new NotFound("article", otherId)));
		}
		groups.leave(otherId, groups.group(id).orElseThrow());
		done(actor, id, state, "translation-unlinked", otherId, members);
	}

	/**
	 * @return the article's translations in any status, itself left out, by language (an
	 * article without a language of its own first)
	 */
	@Transactional(readOnly = true)
	public List<Translation> of(long id) {
		return groups.members(id).stream().filter(t -> t.id() != id).toList();
	}

	/**
	 * @return the public articles of the article's group (published, their instant come),
	 * itself included when public, by language (an article without a language of its own
	 * first); empty when it has no translations
	 */
	@Transactional(readOnly = true)
	public List<Translation> publicGroup(long id) {
		List<Translation> members = groups.publicMembers(id, clock.millis());
		return members.size() < 2 ? List.of() : members;
	}

	/**
	 * @param limit at most this many
	 * @return articles the newsroom may offer to link with {@code id}: the most recently
	 * changed outside its group, newest first
	 */
	@Transactional(readOnly = true)
	public List<Translation> candidates(long id, int limit) {
		return groups.candidates(id, limit);
	}

	/**
	 * @throws InvalidArticle when the two groups joined (or the articles alone) would
	 * hold two articles in one language
	 */
	private void requireOneArticleALanguage(long id, long otherId) {
		Map<Long, String> languages = new LinkedHashMap<>();
		for (long article : new long[] { id, otherId }) {
			articles.find(article).ifPresent(row -> languages.put(row.id(), row.language()));
			groups.members(article).forEach(t -> languages.put(t.id(), t.language()));
		}
		Set<String> seen = new HashSet<>();
		for (String language : languages.values()) {
			if (!seen.add(language == null ? "" : language.toLowerCase(Locale.ROOT))) {
				throw language == null ? new InvalidArticle(FIELD, "article.invalid.translation-site-language")
						: new InvalidArticle(FIELD, "article.invalid.translation-language", language);
			}
		}
	}

	private void done(Actor actor, long id, ArticleState state, String action, long otherId, Iterable<Long> pages) {
		audit.record(id, actor, action, clock.millis(), Long.toString(otherId));
		Set<String> keys = new LinkedHashSet<>();
		pages.forEach(page -> keys.add(Surrogates.article(page)));
		events.publishEvent(new PagesChanged(keys));
		events.publishEvent(
				state.status().live() ? new ArticleEvent.ArticleUpdated(id) : new ArticleEvent.ArticleRevised(id));
	}

	private static void requireEdit(Actor actor, ArticleState state) {
		if (!ArticleWorkflow.mayEdit(actor, state)) {
			throw new AccessDeniedException("You may not edit this article");
		}
	}

}
