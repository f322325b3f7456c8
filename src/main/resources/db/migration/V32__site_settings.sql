-- Site settings that administrators change in the newsroom (settings.SiteSettingsStore): one row
-- (id 1), read by every node and reloaded when the purge log says the settings changed. A NULL
-- column keeps the start-up property (broadsheet.site.*, broadsheet.comments.*) as the value.
-- updated_at is a UTC epoch millisecond; who changed it is in newsroom_audit (subject settings).
CREATE TABLE site_settings (
    id BIGINT PRIMARY KEY,
    name VARCHAR(200),
    tagline VARCHAR(300),
    logo_image_id BIGINT REFERENCES image (id),
    language VARCHAR(35),
    time_zone VARCHAR(60),
    comments_hold_first BOOLEAN,
    comments_close_after_days INT,
    comments_max_links INT,
    comments_blocklist TEXT,
    updated_at BIGINT NOT NULL
);

-- Links to the outlet's profiles elsewhere (JSON-LD Organization sameAs, footer), in order.
CREATE TABLE site_social_profile (
    position INT PRIMARY KEY,
    url VARCHAR(500) NOT NULL
);

-- Links in the footer of every reader page, in order.
CREATE TABLE site_footer_link (
    position INT PRIMARY KEY,
    label VARCHAR(100) NOT NULL,
    url VARCHAR(500) NOT NULL
);
