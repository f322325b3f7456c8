-- An author's portrait (from the media library) and links (one absolute URL a line).
ALTER TABLE author ADD COLUMN photo_image_id BIGINT REFERENCES image (id);
ALTER TABLE author ADD COLUMN links TEXT;
