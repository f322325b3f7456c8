/**
 * Readers' side of newsletters: sign-up forms, double opt-in, the preferences page,
 * one-click unsubscribe (RFC 8058) and the consent record.
 */
package org.broadsheet.newsletter.subscription;
