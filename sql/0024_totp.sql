-- A second factor for managers and admins signing in through the web (`carehub serve`): a
-- time-based one-time password (RFC 6238: six digits, 30-second steps, HMAC-SHA1).
--
-- `people.totp_secret` is the shared key, NULL until the person enrols. Like `password_hash`, no
-- group role may read it: the admin's column grants (0020) name the readable columns, and these
-- are not among them; only the owner (administration) login reads it, to check a code.
-- `totp_last_step` is the time step of the last code accepted, so that a code seen over someone's
-- shoulder cannot be used again in its window. Changes to both are audited by people's triggers
-- (their column names, never values).
ALTER TABLE people ADD COLUMN totp_secret text CHECK (length(totp_secret) >= 20),
    ADD COLUMN totp_last_step bigint;

-- A session is half open until its person has given a code (managers and admins): the server
-- then serves only the code page and sign-out. `enrol_secret` is the secret offered to a person
-- with none yet, kept with the session until they confirm it with one code.
ALTER TABLE web_sessions ADD COLUMN second_factor_due boolean NOT NULL DEFAULT false,
    ADD COLUMN enrol_secret text;

-- Clearing someone's secret (`carehub people totp-reset`: a lost phone) also ends their
-- sessions, as disabling does (0022). SECURITY DEFINER: an admin acting has no privilege on them.
CREATE FUNCTION carehub_end_sessions_of_reset_totp() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF OLD.totp_secret IS NOT NULL AND NEW.totp_secret IS NULL THEN
        DELETE FROM web_sessions WHERE person_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER people_end_sessions_on_totp_reset AFTER UPDATE OF totp_secret ON people
    FOR EACH ROW EXECUTE FUNCTION carehub_end_sessions_of_reset_totp();

-- `carehub people totp-reset`, as the administration login or an admin acting (`--as`), who may
-- write people but not read the secret's column. The update is audited by people's triggers,
-- attributed to the admin acting.
CREATE FUNCTION carehub_reset_totp(p_email text) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE people SET totp_secret = NULL, totp_last_step = NULL WHERE lower(email) = lower(p_email) AND totp_secret IS NOT NULL;
    RETURN FOUND;
END $$;
REVOKE ALL ON FUNCTION carehub_reset_totp(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_reset_totp(text) TO carehub_admin;
