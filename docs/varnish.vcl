vcl 4.1;
# Varnish in front of Broadsheet nodes (README, "Production"). Caches what the nodes mark public
# (front, section, tag and author pages, feeds, sitemaps, media) for anonymous readers, passes the
# newsroom and signed-in readers, drops pages by surrogate key when Broadsheet sends a BAN
# (broadsheet.cdn.purger=varnish), and serves stale pages for a day when no node answers.
# Needs only stock Varnish 6 or 7 (bans, not the xkey module). scripts/cluster.sh writes its own
# copy with the backends it started in place of the block below.

import directors;
import std;

# BACKENDS BEGIN: one backend per node; the probe asks each node whether it is ready.
probe ready {
    .url = "/actuator/health/readiness";
    .interval = 1s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
}
backend node1 { .host = "127.0.0.1"; .port = "8081"; .probe = ready; }
backend node2 { .host = "127.0.0.1"; .port = "8082"; .probe = ready; }

sub vcl_init {
    new nodes = directors.round_robin();
    nodes.add_backend(node1);
    nodes.add_backend(node2);
}
# BACKENDS END

# Who may purge: the nodes.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = nodes.backend();

    if (req.method == "BAN") {
        # From a listed address, straight: Varnish has put the client's address alone in
        # X-Forwarded-For. A TLS terminator or proxy on a listed address adds its client's, so a
        # reader's BAN relayed by it is refused.
        if (client.ip !~ purgers || req.http.X-Forwarded-For != "" + client.ip) {
            return (synth(405, "Not allowed"));
        }
        # Keys are letters, digits, ':', '_' and '-', space-separated (Broadsheet's Surrogates).
        if (req.http.X-Purge-Keys !~ "^[A-Za-z0-9:_-]+( [A-Za-z0-9:_-]+)*$") {
            return (synth(400, "X-Purge-Keys must list surrogate keys"));
        }
        if (req.http.X-Purge-Keys ~ "(^| )all( |$)") {
            ban("obj.http.Surrogate-Key ~ .");
        } else {
            ban("obj.http.Surrogate-Key ~ (^|\s)(" + regsuball(req.http.X-Purge-Keys, " ", "|") + ")(\s|$)");
        }
        return (synth(200, "Banned"));
    }

    # While the nodes answer, a page past its TTL is served stale for at most 60 s while it is
    # fetched again; when none answers, for as long as the object keeps (a day).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 60s;
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(newsroom|login|logout|actuator|api/admin)(/|\?|$)") {
        return (pass);
    }
    # A newsroom session or a reader's own cookie (held comments, likes): pages made for them.
    if (req.http.Cookie ~ "(^|;\s*)(JSESSIONID|SESSION|broadsheet_reader)=") {
        return (pass);
    }
    # ActivityPub clients ask article and author URLs for JSON (docs/fediverse.md): the nodes
    # answer those fresh and "private", and Varnish keeps only the HTML of these URLs.
    if (req.http.Accept ~ "(?i)application/(activity|ld)\+json") {
        return (pass);
    }
    # Other cookies (the readers' CSRF cookie) do not change a public page: the nodes send
    # "private" for any page that carries a per-reader part, and Varnish does not keep those.
    return (hash);
}

sub vcl_backend_response {
    # Keep objects a day past their TTL, to serve when no node answers (stale-if-error).
    set beresp.grace = 24h;
    # A failed background refresh keeps the stale page rather than caching the error.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    # A response that names no surrogate key and no lifetime (a 404, a redirect from an old
    # address) could not be purged when an article appears there: not kept.
    if (!beresp.http.Surrogate-Key && !beresp.http.Cache-Control) {
        set beresp.ttl = 10s;
        set beresp.grace = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Pages say "Vary: Accept" for the ActivityPub representation at their URL; Varnish never
    # keeps that one (passed above), so it keeps one HTML object per page, not one per browser's
    # Accept header.
    if (beresp.http.Vary ~ "(?i)(^|,)\s*Accept\s*(,|$)") {
        set beresp.http.Vary = regsub(regsuball(beresp.http.Vary, "(?i)(^|,)\s*Accept\s*(?=,|$)", ""), "^\s*,\s*", "");
        if (beresp.http.Vary == "") {
            unset beresp.http.Vary;
        }
    }
    # Anything else follows Cache-Control (builtin): private, no-cache and Set-Cookie are not
    # kept; s-maxage is the TTL; Surrogate-Key stays on the object for bans.
}

sub vcl_backend_error {
    # A node that died between probes: try the next one (reads only; a write is not repeated).
    if ((bereq.method == "GET" || bereq.method == "HEAD") && bereq.retries < 2) {
        return (retry);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.Surrogate-Key;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
