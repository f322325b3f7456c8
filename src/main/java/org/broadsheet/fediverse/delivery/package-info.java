/**
 * The durable queue of activities sent to other servers' inboxes (ActivityPub §7.1): rows
 * in {@code fediverse_delivery} claimed in batches by one node at a time, POSTed signed
 * (draft-cavage with a {@code Digest}), retried with exponential backoff, given up after
 * about three days, and instances that keep failing marked dead
 * ({@code fediverse_instance}). See docs/fediverse.md, "Delivery". Named interface
 * {@code delivery}: the newsroom's fediverse page uses its public types.
 */
@org.springframework.modulith.NamedInterface("delivery")
package org.broadsheet.fediverse.delivery;
