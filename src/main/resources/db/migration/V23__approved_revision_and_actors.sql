-- The approved revision goes live (Wagtail's approved_go_live_at): scheduling pins the revision
-- approved at that moment, so a later save cannot change what goes live at go_live_at, and a
-- published article can have changes scheduled (status stays 'published' until then).
ALTER TABLE article ADD COLUMN scheduled_revision_id BIGINT;
UPDATE article SET scheduled_revision_id = live_revision_id WHERE status = 'scheduled';

-- Who made a change when no account did: a system actor (scheduler, bundle-import,
-- wordpress-import, demo). Exactly one of account_id and actor names who, for every new entry.
ALTER TABLE audit_log ADD COLUMN actor VARCHAR(40);
UPDATE audit_log SET actor = 'scheduler' WHERE account_id IS NULL AND detail = 'scheduled';
UPDATE audit_log SET actor = 'wordpress-import' WHERE account_id IS NULL AND action = 'imported';
UPDATE audit_log SET actor = 'system' WHERE account_id IS NULL AND actor IS NULL;
