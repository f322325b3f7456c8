-- Accounts' lifecycle (account.AccountAdministration, Passwords, PasswordResets, TwoFactor).
-- status: active, disabled (cannot sign in, its API keys authenticate nothing) or deleted (its
-- email freed, its row kept so that history still names it). session_generation: newsroom sessions
-- signed in under an older value end at their next request (account.AccountSessions).
ALTER TABLE account ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'active';
ALTER TABLE account ADD COLUMN session_generation BIGINT NOT NULL DEFAULT 0;
-- Two-factor sign-in (RFC 6238 TOTP): the shared secret (base32), null while it is off; the last
-- time step a code was accepted for, so that a code works once.
ALTER TABLE account ADD COLUMN totp_secret VARCHAR(64);
ALTER TABLE account ADD COLUMN totp_last_step BIGINT;

-- Ten single-use recovery codes per account with two-factor sign-in, as SHA-256 hex.
CREATE TABLE account_recovery_code (
    account_id BIGINT NOT NULL REFERENCES account (id),
    code_hash VARCHAR(64) NOT NULL,
    used_at BIGINT,
    PRIMARY KEY (account_id, code_hash)
);

-- Password reset links sent by e-mail: the token's SHA-256, single use, expiring (UTC epoch ms).
CREATE TABLE password_reset (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES account (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX password_reset_account ON password_reset (account_id);

-- An author whose account was deleted: bylines keep the name, the newsroom marks them.
ALTER TABLE author ADD COLUMN former_staff BOOLEAN NOT NULL DEFAULT FALSE;
