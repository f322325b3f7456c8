-- Portable SQL for SQLite and PostgreSQL. ${id} is the dialect's generated key (see DatabaseDialect).
-- Instants are UTC, stored as epoch milliseconds (BIGINT) so both databases sort and compare them alike.

CREATE TABLE section (
    id ${id},
    slug VARCHAR(200) NOT NULL UNIQUE,
    name VARCHAR(200) NOT NULL,
    opinion BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE tag (
    id ${id},
    slug VARCHAR(200) NOT NULL UNIQUE,
    name VARCHAR(200) NOT NULL
);

CREATE TABLE author (
    id ${id},
    slug VARCHAR(200) NOT NULL UNIQUE,
    name VARCHAR(200) NOT NULL,
    title VARCHAR(300),
    affiliation VARCHAR(300),
    bio TEXT
);

CREATE TABLE image (
    id ${id},
    storage_key VARCHAR(300) NOT NULL UNIQUE,
    content_type VARCHAR(50) NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    alt TEXT NOT NULL,
    caption TEXT,
    credit TEXT
);

CREATE TABLE article (
    id ${id},
    section_id BIGINT NOT NULL REFERENCES section (id),
    slug VARCHAR(300) NOT NULL,
    title VARCHAR(500) NOT NULL,
    summary TEXT,
    body_markdown TEXT NOT NULL,
    body_html TEXT NOT NULL,
    language VARCHAR(35),
    lead_image_id BIGINT REFERENCES image (id),
    status VARCHAR(20) NOT NULL,
    published_at BIGINT,
    updated_at BIGINT NOT NULL,
    syndication_publication VARCHAR(300),
    syndication_note TEXT,
    syndication_url VARCHAR(2000),
    UNIQUE (section_id, slug)
);
CREATE INDEX article_slug ON article (slug);
CREATE INDEX article_status_published ON article (status, published_at);
CREATE INDEX article_section_status_published ON article (section_id, status, published_at);

CREATE TABLE article_author (
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    author_id BIGINT NOT NULL REFERENCES author (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, author_id)
);
CREATE INDEX article_author_author ON article_author (author_id, article_id);

CREATE TABLE article_tag (
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    tag_id BIGINT NOT NULL REFERENCES tag (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tag_tag ON article_tag (tag_id, article_id);

-- An article's former address (section slug + slug) answers 301 to its current one.
CREATE TABLE article_redirect (
    section_slug VARCHAR(200) NOT NULL,
    slug VARCHAR(300) NOT NULL,
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    PRIMARY KEY (section_slug, slug)
);

CREATE TABLE comment (
    id ${id},
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    author_name VARCHAR(200) NOT NULL,
    body TEXT NOT NULL,
    status VARCHAR(20) NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX comment_article_status ON comment (article_id, status, created_at);
