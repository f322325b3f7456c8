/**
 * The e-mails newsletters send: an article or a digest as HTML and plain text, with the
 * list headers of RFC 2369 and RFC 8058, DKIM-signed when a key is configured.
 */
package org.broadsheet.newsletter.mail;
