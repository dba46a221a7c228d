-- Issue 15, second part: staff gain a service, and a person's record gains notes.
--
-- A note is written by a member of staff of either service and never edited: a correction is a
-- new note that points at the one it corrects. Who wrote it, in which role and service, and when,
-- are set by the database from the person acting (a trigger), so they cannot be forged; no role
-- may update or delete a note, and a trigger refuses it to the owner's statements too, as for the
-- audit log (only an operator who drops or disables that trigger could).
-- Access as for the shared record: a manager of the client's hub reads and writes; nobody else.

ALTER TABLE people ADD COLUMN service text NOT NULL DEFAULT 'social_care'
    CHECK (service IN ('social_care', 'community_nursing', 'therapy', 'hospital_discharge', 'gp_practice'));
GRANT SELECT (service) ON people TO carehub_admin;

CREATE TABLE client_notes (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id       bigint NOT NULL REFERENCES clients (id),
    written_at      timestamptz NOT NULL DEFAULT now(),
    -- The person who wrote it; NULL for the administration login (no one acting).
    author_id       bigint REFERENCES people (id),
    author_name     text NOT NULL,
    author_role     text NOT NULL,
    author_service  text,
    body            text NOT NULL CHECK (btrim(body) <> '' AND char_length(body) <= 4000),
    corrects        bigint REFERENCES client_notes (id),
    CHECK (corrects IS NULL OR corrects < id)
);
CREATE INDEX client_notes_client_idx ON client_notes (client_id, id);

-- The checks every new row about a person in their record starts with (notes here, lead spells in
-- 0028), from inside a definer trigger: its id is the one the identity just gave (not one chosen
-- with OVERRIDING SYSTEM VALUE: these rows are read in id order, and a chosen id could take a later
-- row's), and the person written about belongs to one of the acting person's hubs, refused before
-- anything the trigger checks next could tell a caller about another hub's rows. The
-- administration login (no one acting) may write about anyone.
CREATE FUNCTION carehub_require_new_row_of_own_hub(p_table text, p_id bigint, p_client bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_person bigint := carehub_acting_recorded();
BEGIN
    IF p_id IS DISTINCT FROM currval(pg_get_serial_sequence(p_table, 'id')) THEN
        RAISE EXCEPTION 'a row''s id in % is the database''s to give', p_table USING ERRCODE = '42501';
    END IF;
    IF v_person IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM clients c JOIN person_hubs ph ON ph.hub_id = c.hub_id WHERE c.id = p_client AND ph.person_id = v_person
    ) THEN
        RAISE EXCEPTION 'not a person of your hubs' USING ERRCODE = '42501';
    END IF;
END $$;
REVOKE ALL ON FUNCTION carehub_require_new_row_of_own_hub(text, bigint, bigint) FROM PUBLIC;

-- Authorship and time from the acting person, whatever the statement said; a correction must be
-- of a note about the same person.
CREATE FUNCTION carehub_note_author() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_person bigint := carehub_acting_recorded();
BEGIN
    -- Before the correction check below, so it cannot tell anything about another hub's notes.
    PERFORM carehub_require_new_row_of_own_hub('client_notes', NEW.id, NEW.client_id);
    NEW.written_at := now();
    NEW.author_id := v_person;
    IF v_person IS NULL THEN
        NEW.author_name := 'administration login (' || session_user || ')';
        NEW.author_role := 'administration';
        NEW.author_service := NULL;
    ELSE
        SELECT p.name, p.role, p.service INTO NEW.author_name, NEW.author_role, NEW.author_service FROM people p WHERE p.id = v_person;
    END IF;
    IF NEW.corrects IS NOT NULL AND NOT EXISTS (SELECT 1 FROM client_notes n WHERE n.id = NEW.corrects AND n.client_id = NEW.client_id) THEN
        RAISE EXCEPTION 'a correction must point at an earlier note about the same person'
            USING ERRCODE = '23514', TABLE = 'client_notes', CONSTRAINT = 'client_notes_corrects_same_person';
    END IF;
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION carehub_note_author() FROM PUBLIC;
CREATE TRIGGER client_notes_author BEFORE INSERT ON client_notes FOR EACH ROW EXECUTE FUNCTION carehub_note_author();

CREATE FUNCTION carehub_notes_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'notes are never edited or deleted: write a correction that points at the note' USING ERRCODE = '42501';
END $$;
CREATE TRIGGER client_notes_append_only BEFORE UPDATE OR DELETE ON client_notes
    FOR EACH ROW EXECUTE FUNCTION carehub_notes_append_only();
CREATE TRIGGER client_notes_no_truncate BEFORE TRUNCATE ON client_notes
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_notes_append_only();

REVOKE ALL ON client_notes FROM PUBLIC;
ALTER TABLE client_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE client_notes FORCE ROW LEVEL SECURITY;
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_all ON client_notes TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
CREATE POLICY acting_read ON client_notes FOR SELECT TO carehub_manager USING (client_id IN (SELECT id FROM clients));
CREATE POLICY acting_insert ON client_notes FOR INSERT TO carehub_manager WITH CHECK (client_id IN (SELECT id FROM clients));
GRANT SELECT, INSERT ON client_notes TO carehub_manager;

-- Updates and deletes are refused above; their audit triggers stand anyway, as on every RLS table,
-- so that a change made with the safeguard dropped would still be recorded.
CREATE TRIGGER audit_insert AFTER INSERT ON client_notes REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes('id');
CREATE TRIGGER audit_update AFTER UPDATE ON client_notes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes('id');
CREATE TRIGGER audit_delete AFTER DELETE ON client_notes REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes('id');

-- The ids of a person's notes, for an admin answering "who changed this record" (the audit rows
-- of notes are keyed by the note) without any right to read the notes themselves.
CREATE FUNCTION carehub_client_note_ids(p_client bigint) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT id::text FROM client_notes WHERE client_id = p_client
$$;
REVOKE ALL ON FUNCTION carehub_client_note_ids(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_client_note_ids(bigint) TO carehub_admin;
