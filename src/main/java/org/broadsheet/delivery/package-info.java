/**
 * Serving reader pages fast: the in-memory page cache answered before Spring Security and
 * MVC, per-response parts spliced into cached bytes,
 * {@code Cache-Control}/{@code Surrogate-Key} for CDNs, eviction by surrogate key through
 * the purge log on every node, and 503 on overload. Other modules mark their pages
 * ({@link org.broadsheet.delivery.Surrogates}), publish
 * {@link org.broadsheet.delivery.PagesChanged}, and contribute
 * {@link org.broadsheet.delivery.ResponsePart}s; this module depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.broadsheet.delivery;
