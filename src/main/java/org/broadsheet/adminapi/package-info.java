/**
 * The Admin API ({@code /api/admin/v1/}): everything an editor does in the newsroom, for
 * scripts holding an API key (account.ApiKeys). Every call goes through the same use-case
 * services as the newsroom (the same permissions by role, validation, audit entry naming
 * the key, and events); POSTs take idempotency keys; errors are RFC 9457 problem details
 * naming each field.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "article", "author", "comment",
		"media", "shared", "site", "taxonomy", "webhook" })
package org.broadsheet.adminapi;
