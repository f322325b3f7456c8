-- The media library's "used in" list and the pages refreshed when an image's texts change
-- look articles and authors up by image.
CREATE INDEX article_lead_image ON article (lead_image_id);
CREATE INDEX author_photo_image ON author (photo_image_id);
