/**
 * Newsletter sends: queued on publication or by an editor, delivered from the durable
 * queue {@code newsletter_delivery} by every node, each recipient at most once (see
 * {@link org.broadsheet.newsletter.sending.MarkingTransport}). A named interface of the
 * newsletter module: the newsroom's newsletter panel uses {@link NewsletterSends}.
 */
@org.springframework.modulith.NamedInterface("sending")
package org.broadsheet.newsletter.sending;
