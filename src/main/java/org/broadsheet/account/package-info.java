/**
 * Newsroom accounts and roles, Spring Security (sign-in, CSRF, the security headers every
 * response carries), the sign-in throttle and the {@code user} command.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "delivery", "shared" })
package org.broadsheet.account;
