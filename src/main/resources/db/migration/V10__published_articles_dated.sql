-- A publication instant of exactly 1970-01-01T00:00:00Z (epoch 0) used to be stored as NULL
-- ("no date"), leaving published articles without a date that the search index could not
-- read. Nothing else stores a published article without one (publishing sets the instant), so
-- these rows are exactly those articles: give them back their date.
UPDATE article SET published_at = 0 WHERE status = 'published' AND published_at IS NULL;
