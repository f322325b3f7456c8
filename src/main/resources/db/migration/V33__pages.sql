-- Static pages (About, Contact, Corrections policy, Privacy): their own content type, at
-- /page/{slug}, optionally linked from every page's footer. Portable SQL for SQLite and PostgreSQL;
-- instants are UTC epoch milliseconds.
CREATE TABLE page (
    id ${id},
    slug VARCHAR(300) NOT NULL UNIQUE,
    title VARCHAR(500) NOT NULL,
    description TEXT,
    body_markdown TEXT NOT NULL,
    body_html TEXT NOT NULL,
    language VARCHAR(35),
    status VARCHAR(20) NOT NULL,
    in_footer BOOLEAN NOT NULL DEFAULT FALSE,
    footer_order INTEGER NOT NULL DEFAULT 0,
    -- Where an imported page came from (as article.import_key), so a second import updates it.
    import_key VARCHAR(300) UNIQUE,
    updated_at BIGINT NOT NULL
);
-- The footer's list: published pages shown in the footer, in order.
CREATE INDEX page_footer ON page (status, in_footer, footer_order);

-- A page's former slug answers 301 to its current address.
CREATE TABLE page_redirect (
    slug VARCHAR(300) NOT NULL PRIMARY KEY,
    page_id BIGINT NOT NULL REFERENCES page (id) ON DELETE CASCADE
);
