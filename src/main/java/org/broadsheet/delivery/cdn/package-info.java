/**
 * The {@link org.broadsheet.delivery.CdnPurger} adapters: Varnish (bans by surrogate key,
 * docs/varnish.vcl) and a CDN's purge-by-tag API over HTTP, chosen by
 * {@code broadsheet.cdn.purger}.
 */
package org.broadsheet.delivery.cdn;
