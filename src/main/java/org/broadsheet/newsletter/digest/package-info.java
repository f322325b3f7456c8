/**
 * How often each newsletter list is sent: each article as it is published (the default),
 * or a daily or weekly digest of the list's new articles
 * ({@link org.broadsheet.newsletter.digest.ListCadences}, table {@code newsletter_list}
 * of migration V44). A named interface of the newsletter module: the newsroom's
 * subscribers page shows and changes the cadences. The digests themselves are sent by
 * {@code newsletter.sending}.
 */
@org.springframework.modulith.NamedInterface("digest")
package org.broadsheet.newsletter.digest;
