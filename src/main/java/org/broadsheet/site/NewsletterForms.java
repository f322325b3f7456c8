package org.broadsheet.site;

import java.util.LinkedHashMap;
import java.util.Map;

import org.broadsheet.article.Article;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The newsletter sign-up form on reader pages ({@code site/newsletterForm}): the lists it
 * offers, by the keys the newsletter module reads ({@code site}, {@code section:<id>},
 * {@code author:<id>}), and whether it is shown at all. The form only posts to
 * {@code /newsletter/subscribe}, so the site does not depend on the newsletter module.
 * Shown when {@code broadsheet.newsletter.enabled} is true, or, unset, when SMTP is
 * configured ({@code spring.mail.host}).
 */
@Component
class NewsletterForms {

	private final boolean enabled;

	NewsletterForms(@Value("${broadsheet.newsletter.enabled:}") String enabled,
			@Value("${spring.mail.host:}") String mailHost) {
		this.enabled = enabled.isBlank() ? !mailHost.isBlank() : Boolean.parseBoolean(enabled.strip());
	}

	/**
	 * @return the home page form's lists (the site's), or null when newsletters are off
	 */
	Map<String, String> home(Chrome chrome) {
		return enabled ? Map.of("site", chrome.t("newsletter.list.site", chrome.siteName())) : null;
	}

	/**
	 * @return an article page form's lists (the site, the article's section, its
	 * authors), or null when newsletters are off
	 */
	Map<String, String> article(Chrome chrome, Article article) {
		if (!enabled) {
			return null;
		}
		Map<String, String> lists = new LinkedHashMap<>();
		lists.put("site", chrome.t("newsletter.list.site", chrome.siteName()));
		lists.put("section:" + article.section().id(), chrome.t("newsletter.list.section", article.section().name()));
		article.authors()
			.stream()
			.filter(author -> author.id() > 0)
			.forEach(author -> lists.put("author:" + author.id(), chrome.t("newsletter.list.author", author.name())));
		return lists;
	}

}
