/**
 * The newsroom's side of subscribers: the lists with their counts, search, one
 * subscriber's record (lists, status, consent, deliveries), pause, resume, unsubscribe,
 * export and delete on request
 * ({@link org.broadsheet.newsletter.admin.SubscriberActions}), and the import of a list
 * exported from Substack, Ghost or Mailchimp
 * ({@link org.broadsheet.newsletter.admin.SubscriberImport}). Every method asks
 * {@code Permission.MANAGE_SUBSCRIBERS} (editors and administrators).
 */
@org.springframework.modulith.NamedInterface("admin")
package org.broadsheet.newsletter.admin;
