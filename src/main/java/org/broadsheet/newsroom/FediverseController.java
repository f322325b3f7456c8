package org.broadsheet.newsroom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.NewsroomUser;
import org.broadsheet.account.Permission;
import org.broadsheet.article.Articles;
import org.broadsheet.author.Authors;
import org.broadsheet.fediverse.delivery.DeliveryState;
import org.broadsheet.fediverse.follow.ActorCount;
import org.broadsheet.fediverse.follow.FollowerApprovals;
import org.broadsheet.fediverse.interaction.FediverseBlocks;
import org.broadsheet.fediverse.interaction.FediverseReactions;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.site.Chrome;
import org.broadsheet.site.SiteChrome;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Taxonomy;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /newsroom/fediverse}: followers per local actor with the pending ones to approve
 * or reject ({@link FollowerApprovals}), the delivery queue's state with the dead
 * instances to forget ({@link DeliveryState}), the blocked accounts and domains with add
 * and remove forms ({@link FediverseBlocks}, {@code MODERATE_COMMENTS}) and the likes and
 * boosts of the latest announced articles. Editors ({@code MANAGE_FEDIVERSE}); the
 * services check the permissions, audit and log. Every list is bounded.
 */
@Controller
class FediverseController {

	/** How many pending followers, failures, dead instances and articles are listed. */
	static final int LIST_SIZE = 50;

	/** How many blocks are listed (domains first, then by value). */
	static final int BLOCKS_SIZE = 500;

	/** How many recently announced articles show their reactions. */
	static final int REACTIONS_SIZE = 10;

	private final FollowerApprovals approvals;

	private final DeliveryState deliveries;

	private final FediverseBlocks blocks;

	private final FediverseReactions reactions;

	private final Authors authors;

	private final Taxonomy taxonomy;

	private final Articles articles;

	private final SiteChrome chrome;

	FediverseController(FollowerApprovals approvals, DeliveryState deliveries, FediverseBlocks blocks,
			FediverseReactions reactions, Authors authors, Taxonomy taxonomy, Articles articles, SiteChrome chrome) {
		this.approvals = approvals;
		this.deliveries = deliveries;
		this.blocks = blocks;
		this.reactions = reactions;
		this.authors = authors;
		this.taxonomy = taxonomy;
		this.articles = articles;
		this.chrome = chrome;
	}

	@GetMapping("/newsroom/fediverse")
	String page(@AuthenticationPrincipal NewsroomUser user, @RequestParam(required = false) String done, CsrfToken csrf,
			Model model) {
		String notice = done != null && done.matches("approved|rejected|forgotten|blocked|unblocked")
				? "fediverse.done." + done : null;
		return page(user, csrf, model, "", null, notice, null);
	}

	@PostMapping("/newsroom/fediverse/followers/{id}/approve")
	String approve(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, CsrfToken csrf, Model model,
			HttpServletResponse response) {
		try {
			approvals.approve(user.account(), id);
			return "redirect:/newsroom/fediverse?done=approved";
		}
		catch (FollowerApprovals.NotPending ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return page(user, csrf, model, "", null, null, chrome.chrome().t(ex.key(), ex.arguments()));
		}
	}

	@PostMapping("/newsroom/fediverse/followers/{id}/reject")
	String reject(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
		approvals.reject(user.account(), id);
		return "redirect:/newsroom/fediverse?done=rejected";
	}

	@PostMapping("/newsroom/fediverse/instances/forget")
	String forget(@AuthenticationPrincipal NewsroomUser user, @RequestParam(defaultValue = "") String host,
			CsrfToken csrf, Model model, HttpServletResponse response) {
		try {
			deliveries.forget(user.account(), host);
			return "redirect:/newsroom/fediverse?done=forgotten";
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(user, csrf, model, "", null, null, chrome.chrome().t(ex.key(), ex.arguments()));
		}
	}

	@PostMapping("/newsroom/fediverse/blocks")
	String block(@AuthenticationPrincipal NewsroomUser user, @RequestParam(defaultValue = "") String value,
			CsrfToken csrf, Model model, HttpServletResponse response) {
		try {
			blocks.block(user.account(), value);
			return "redirect:/newsroom/fediverse?done=blocked#blocks";
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(user, csrf, model, value, chrome.chrome().t(ex.key(), ex.arguments()), null, null);
		}
	}

	@PostMapping("/newsroom/fediverse/blocks/{id}/delete")
	String unblock(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
		blocks.unblock(user.account(), id);
		return "redirect:/newsroom/fediverse?done=unblocked#blocks";
	}

	private String page(NewsroomUser user, CsrfToken csrf, Model model, String blockValue, String blockProblem,
			String notice, String error) {
		var actor = user.account();
		var texts = chrome.chrome();
		var overview = approvals.overview(actor, LIST_SIZE);
		var names = names(texts, overview);
		List<FediversePages.ActorRow> rows = new ArrayList<>();
		var counts = overview.counts().stream().collect(Collectors.toMap(ActorCount::actorKey, Function.identity()));
		rows.add(row("site", names, counts));
		// Sections that are actors show even without followers; others only while
		// followers remain.
		var sectionActors = taxonomy.sections()
			.stream()
			.filter(Section::fediverse)
			.map(section -> "section:" + section.id())
			.toList();
		sectionActors.forEach(key -> rows.add(row(key, names, counts)));
		overview.counts()
			.stream()
			.filter(c -> c.actorKey().startsWith("author:")
					|| (c.actorKey().startsWith("section:") && !sectionActors.contains(c.actorKey())))
			.forEach(c -> rows.add(row(c.actorKey(), names, counts)));
		var pending = overview.pending()
			.stream()
			.map(p -> new FediversePages.PendingRow(p.id(), names.getOrDefault(p.actorKey(), p.actorKey()),
					p.follower(), Instant.ofEpochMilli(p.createdAt())))
			.toList();
		var recent = reactions.recent(REACTIONS_SIZE);
		var titles = articles.titles(recent.stream().map(FediverseReactions.Announced::articleId).toList());
		model.addAttribute("page",
				new FediversePages.FediversePage(texts, csrf, rows, pending, overview.approveFollowers(),
						deliveries.summary(actor, LIST_SIZE),
						Permission.MODERATE_COMMENTS.allows(actor) ? blocks.list(actor, BLOCKS_SIZE) : null,
						FediversePages.reactions(recent, titles), blockValue, blockProblem, notice, error));
		return "newsroom/fediverse";
	}

	/** The names of the actors with followers, by actor key. */
	private Map<String, String> names(Chrome texts, FollowerApprovals.Overview overview) {
		Map<String, String> names = new java.util.HashMap<>();
		names.put("site", texts.siteName());
		List<Long> authorIds = new ArrayList<>();
		for (var count : overview.counts()) {
			if (count.actorKey().startsWith("author:")) {
				authorIds.add(Long.parseLong(count.actorKey().substring("author:".length())));
			}
		}
		authors.byIds(authorIds).forEach((id, author) -> names.put("author:" + id, author.name()));
		for (Section section : taxonomy.sections()) {
			names.put("section:" + section.id(), section.name());
		}
		return names;
	}

	private static FediversePages.ActorRow row(String key, Map<String, String> names, Map<String, ActorCount> counts) {
		var count = counts.get(key);
		String kind = key.contains(":") ? key.substring(0, key.indexOf(':')) : key;
		return new FediversePages.ActorRow(kind, names.getOrDefault(key, key), count == null ? 0 : count.accepted(),
				count == null ? 0 : count.pending());
	}

}
