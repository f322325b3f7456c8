-- Where an imported WordPress site's addresses answer now: its permalinks (whatever its
-- permalink structure was), ?p=ID and ?page_id=ID, attachment pages, category, tag and author
-- archives and their feeds. Written by the import; read by the reader site on what would be a
-- 404, one primary-key lookup per request. Portable SQL for SQLite and PostgreSQL.
CREATE TABLE wordpress_address (
    -- The old address as a key: path percent-decoded, NFC, lower case, no trailing slash, and
    -- only WordPress's own query parameters (p, page_id, attachment_id, feed, …), sorted.
    address VARCHAR(2000) NOT NULL PRIMARY KEY,
    -- The import it came from (wxr:<base_blog_url>), for the migration report.
    origin VARCHAR(300) NOT NULL,
    -- The old URL as the export gives it or WordPress would answer it, for the report.
    old_url VARCHAR(2000) NOT NULL,
    -- Which WordPress form it is: link, post-id, structure, old-slug, page-id, attachment, category, tag, author, feed.
    form VARCHAR(20) NOT NULL,
    -- article or page (target_id, resolved to the current address on each request, so a later
    -- change of slug or section costs no second redirect), or path (target_path as is).
    target_kind VARCHAR(10) NOT NULL,
    target_id BIGINT,
    target_path VARCHAR(2000)
);
-- The migration report lists an import's addresses in order.
CREATE INDEX wordpress_address_origin ON wordpress_address (origin, address);
