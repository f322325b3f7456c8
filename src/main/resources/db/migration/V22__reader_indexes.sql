-- Indexes for the reader's pages (portable SQL for SQLite and PostgreSQL), so that no uncached
-- page reads the archive: each list walks one of these in its own order and stops at its limit.
-- The id closes every order (ties in publication instant) and is in each index, so PostgreSQL
-- need not sort either; SQLite would have it as the rowid anyway.

-- The front page: sticky articles first, then newest first.
CREATE INDEX article_front ON article (status, sticky, published_at, id);

-- Listings, feeds, neighbours and sitemap pages: newest (or oldest) first.
DROP INDEX article_status_published;
CREATE INDEX article_published ON article (status, published_at, id);

-- A section's listing.
DROP INDEX article_section_status_published;
CREATE INDEX article_section_published ON article (section_id, status, published_at, id);
