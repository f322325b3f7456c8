/**
 * Webhooks following the Standard Webhooks specification (standardwebhooks.com): the
 * {@code webhook_subscription} and {@code webhook_delivery} tables. Administrators (in
 * the newsroom, or through the Admin API) subscribe URLs to events ({@link Webhooks});
 * the changes of articles, comments, sections, tags and authors are queued in the
 * transaction that made them, signed with the subscription's secret and delivered after
 * commit by one node, retried with exponential backoff for 24 hours ({@code docs/api.md},
 * "Webhooks"). Payloads are the Content API's representation
 * ({@code api.ContentRepresentation}).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "account", "api", "article", "author", "comment", "shared", "taxonomy" })
package org.broadsheet.webhook;
