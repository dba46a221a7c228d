-- Sign-in sessions and failed sign-ins of the web server (`carehub serve`).
--
-- The server finds who a request is for before it acts for anyone, so both tables belong to the
-- administration (owner) login alone: no group role has any privilege on them, and they are
-- deliberately not hub-scoped (no row-level security; see 0020's list). Writes are not audited:
-- signing in and out is recorded as the audit's own `sign-in`/`sign-out` rows instead.
--
-- A session is stored by the SHA-256 of its cookie token, never the token: a copy of this table
-- cannot be replayed as a cookie. Sessions expire (idle and absolute limits are the server's);
-- disabling a person ends their sessions at once (the cascade below), and acting re-checks
-- `active` in every transaction anyway.
CREATE TABLE web_sessions (
    token_hash  text PRIMARY KEY,
    person_id   bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    csrf_token  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    last_seen   timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);
CREATE INDEX web_sessions_person ON web_sessions (person_id);

-- Failed sign-ins, per account (lower-case e-mail) and per client address, for throttling.
-- Only the key's SHA-256 is kept, so the table holds no e-mail addresses or IP addresses.
CREATE TABLE web_sign_in_failures (
    key_hash  text NOT NULL,
    at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX web_sign_in_failures_key ON web_sign_in_failures (key_hash, at);

REVOKE ALL ON web_sessions, web_sign_in_failures FROM PUBLIC;

-- SECURITY DEFINER: an admin acting disables people but has no privilege on the sessions.
CREATE FUNCTION carehub_end_sessions_of_disabled() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT NEW.active THEN
        DELETE FROM web_sessions WHERE person_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER people_end_sessions AFTER UPDATE OF active ON people
    FOR EACH ROW EXECUTE FUNCTION carehub_end_sessions_of_disabled();

-- Signing in and out through the web is part of the audit trail ("what did this person do").
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check,
    ADD CONSTRAINT audit_log_action_check CHECK (action IN ('insert', 'update', 'delete', 'read', 'sign-in', 'sign-out'));
