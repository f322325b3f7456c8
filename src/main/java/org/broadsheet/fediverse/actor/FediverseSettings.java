package org.broadsheet.fediverse.actor;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The fediverse settings ({@code broadsheet.fediverse.*}, start-up configuration; see
 * docs/fediverse.md).
 *
 * @param handle the publication's user name in its handle {@code @handle@host}; blank for
 * the first label of the base URL's host ({@code news} for {@code https://news.example}),
 * or {@code news} when there is no base URL or its host is an address or a single label
 * @param approveFollowers whether new followers wait, {@code pending}, for approval
 * ({@code manuallyApprovesFollowers}); off by default: every follow is accepted at once
 */
@ConfigurationProperties("broadsheet.fediverse")
public record FediverseSettings(@DefaultValue("") String handle, @DefaultValue("false") boolean approveFollowers) {

	public FediverseSettings {
		handle = handle.strip();
	}

}
