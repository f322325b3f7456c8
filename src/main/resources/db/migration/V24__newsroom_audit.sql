-- Who changed what in the newsroom outside articles, when (articles keep audit_log): comment
-- moderation and edits, an article's comments opened or closed, section and tag renames, author
-- profiles, accounts. One entry per changed subject; exactly one of account_id and actor names who.
CREATE TABLE newsroom_audit (
    id ${id},
    subject VARCHAR(20) NOT NULL,
    subject_id BIGINT NOT NULL,
    account_id BIGINT REFERENCES account (id),
    actor VARCHAR(40),
    action VARCHAR(30) NOT NULL,
    at BIGINT NOT NULL,
    detail TEXT
);
CREATE INDEX newsroom_audit_subject ON newsroom_audit (subject, subject_id, at);
