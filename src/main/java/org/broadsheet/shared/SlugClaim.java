package org.broadsheet.shared;

import java.util.Optional;
import java.util.function.Function;

/**
 * Which slug a named thing (article title, section, tag, author) gets when different
 * names share a slug ("C++" and "C#" both slugify to "c"; long titles that differ only
 * after the cut): the base slug if it is free or already held by the same name (ignoring
 * case), else the first free or same-name one of {@code base-2}, {@code base-3}, …
 *
 * @param slug the chosen slug
 * @param held whether an existing item with the same name holds it (update it, don't
 * create one)
 */
public record SlugClaim(String slug, boolean held) {

	/**
	 * @param base the slug made from the name
	 * @param name the name that wants a slug
	 * @param nameAt the name of the item holding a slug, if any (one database lookup)
	 */
	public static SlugClaim claim(String base, String name, Function<String, Optional<String>> nameAt) {
		for (int n = 1;; n++) {
			String candidate = n == 1 ? base : base + "-" + n;
			Optional<String> holder = nameAt.apply(candidate);
			if (holder.isEmpty()) {
				return new SlugClaim(candidate, false);
			}
			if (holder.get().strip().equalsIgnoreCase(name.strip())) {
				return new SlugClaim(candidate, true);
			}
		}
	}

}
