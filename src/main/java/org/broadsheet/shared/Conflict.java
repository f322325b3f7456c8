package org.broadsheet.shared;

/**
 * Marks an {@link InvalidInput} that is refused because of what is stored rather than
 * what was typed: an action the subject's current status does not allow, or a slug
 * another article holds. An API answers it 409 Conflict (RFC 9110 §15.5.10) instead of
 * 422.
 */
public interface Conflict {

}
