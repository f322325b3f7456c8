-- A subscriber's deliveries (their page in the newsroom, export, and the cascade when their data
-- is deleted) without reading every delivery of every send.
CREATE INDEX newsletter_delivery_subscriber ON newsletter_delivery (subscriber_id, send_id);
