-- How an article uses its lead image: alt text, caption and credit of its own, so that two
-- articles sharing one picture never change each other's caption or credit. NULL: the image's own.
ALTER TABLE article ADD COLUMN lead_image_alt TEXT;
ALTER TABLE article ADD COLUMN lead_image_caption TEXT;
ALTER TABLE article ADD COLUMN lead_image_credit TEXT;
