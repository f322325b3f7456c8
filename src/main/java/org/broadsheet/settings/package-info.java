/**
 * Site settings that administrators change in the newsroom (name, tagline, logo,
 * language, time zone, comment rules, social profiles, footer links): stored in the
 * database, cached on each node and reloaded on every node when they change. Start-up
 * properties stay the defaults: a setting left blank keeps its property. Read by the
 * site, comments, search and feeds.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "delivery", "media", "shared" })
package org.broadsheet.settings;
