-- Newsletter digests (newsletter module, issue 16). Instants are UTC epoch milliseconds.
--
-- How often a list is sent, for the lists an editor set: 'article' (each article as it is
-- published: the default, also for a list without a row), 'daily' (a digest of the previous
-- calendar day's articles in the site's time zone) or 'weekly' (of the previous ISO week,
-- Monday to Sunday). updated_at is when the cadence was last set: a digest lists only
-- articles published since then, so a list switched to a digest does not get again the
-- articles it was sent one by one.
CREATE TABLE newsletter_list (
    id ${id},
    list_key VARCHAR(40) NOT NULL,
    cadence VARCHAR(10) NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX newsletter_list_key ON newsletter_list (list_key);
-- The digest lists, read by the digest clock every tick.
CREATE INDEX newsletter_list_cadence ON newsletter_list (cadence, list_key);

-- The articles of a digest send (newsletter_send kind 'digest'), in the order the e-mail
-- shows them (ordinal 0 first: newest first), so that a node preparing the send after a
-- restart makes the same e-mail.
CREATE TABLE newsletter_digest_article (
    send_id BIGINT NOT NULL REFERENCES newsletter_send (id) ON DELETE CASCADE,
    ordinal INT NOT NULL,
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    PRIMARY KEY (send_id, ordinal)
);
-- The cascade when an article is purged.
CREATE INDEX newsletter_digest_article_article ON newsletter_digest_article (article_id);
-- Recent digests for the newsroom, without reading the article sends.
CREATE INDEX newsletter_send_digest ON newsletter_send (created_at, id) WHERE kind = 'digest';
