/**
 * One synchronization per transaction and key, for work that must happen once before or after
 * a commit.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.broadsheet.transaction;
