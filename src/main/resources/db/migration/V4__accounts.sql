-- Newsroom accounts. Emails are stored lower-cased; passwords as DelegatingPasswordEncoder hashes
-- ("{bcrypt}$2a$…"), so the hashing scheme can change without a migration.
CREATE TABLE account (
    id ${id},
    email VARCHAR(320) NOT NULL UNIQUE,
    display_name VARCHAR(200) NOT NULL,
    role VARCHAR(20) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    created_at BIGINT NOT NULL
);

-- The newsroom lists articles by last change.
CREATE INDEX article_updated ON article (updated_at);
