/**
 * What other servers do to this site's articles, handled for the inbox: replies
 * ({@code Create}/{@code Update}/{@code Delete} of a {@code Note}) become comments held
 * for moderation, {@code Like}s and {@code Announce}s (boosts) are counted, and editors
 * block accounts or whole domains whose activities are then ignored (see
 * docs/fediverse.md). Named interface {@code interaction}: the newsroom's fediverse page
 * uses its public types.
 */
@org.springframework.modulith.NamedInterface("interaction")
package org.broadsheet.fediverse.interaction;
