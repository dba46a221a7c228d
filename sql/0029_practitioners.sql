-- Issue 15: health and social care practitioners, and a legitimate relationship to each record.
--
-- NHS shared records follow one rule: a member of staff sees a person's record because they
-- care for that person, not because of their job title. A practitioner is a member of a hub's
-- staff from either service (a district nurse, a therapist, a discharge coordinator, a social
-- worker: `people.service`) who signs in as the group role `carehub_practitioner`. What each
-- person reaches, part by part ('person' is who they are: name, date of birth, postcode; 'record',
-- 'care_plan' and 'notes' are the parts a consent covers):
--   * a hub manager: every part of their hubs' people (social care arranges the care; unchanged);
--   * a practitioner of the person's hub: the person, and a part when they work in social care
--     (the hub's own service) or the person's consent to share covers it; with no consent, health
--     staff see who the hub's people are and nothing of their record;
--   * the person's current lead professional (a practitioner; leads may be practitioners from
--     migration 0031's lead trigger on): every part, wherever the person
--     is now (moved to another hub, handed between services): leading them is the relationship;
--   * break-glass: a practitioner with no relationship may open one person's record to read, for a
--     stated reason, for at most 12 hours (`carehub_break_glass`; one open grant at a time); every
--     grant waits for an administrator's review (`carehub_break_glass_grants`,
--     `carehub_review_break_glass`).
-- A part asked for writing (`'notes+write'`) is reached the same way except through break-glass,
-- which opens a record to read only. A lead who is no longer in any hub (has left) reaches no one.
-- HR, commissioners, the scheduler and the administrator reach no one's record. Every record
-- read is recorded in `audit_log` in the transaction that reads it, as before.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'carehub_practitioner') THEN
        BEGIN
            CREATE ROLE carehub_practitioner NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
    IF NOT pg_has_role(current_user, 'carehub_practitioner', 'MEMBER') THEN
        BEGIN
            EXECUTE format('GRANT carehub_practitioner TO %I', current_user);
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
END $$;

ALTER TABLE people DROP CONSTRAINT people_role_check;
ALTER TABLE people ADD CONSTRAINT people_role_check
    CHECK (role IN ('manager', 'hr', 'commissioner', 'scheduler', 'admin', 'practitioner'));

GRANT EXECUTE ON FUNCTION carehub_acting_person(name), carehub_acting_hubs(name), carehub_acting_staff(name) TO carehub_practitioner;
GRANT SELECT ON hubs TO carehub_practitioner;

-- Break-glass: one person's record opened outside any relationship, for a reason, for a while.
-- Written only by `carehub_break_glass` and reviewed only through `carehub_review_break_glass`;
-- no group role has a privilege on the table itself.
CREATE TABLE record_access_grants (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id    bigint NOT NULL REFERENCES clients (id),
    person_id    bigint NOT NULL REFERENCES people (id),
    reason       text NOT NULL CHECK (char_length(btrim(reason)) >= 10 AND char_length(reason) <= 1000),
    granted_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    -- Who reviewed it; NULL with a review time for the administration login.
    reviewed_by  bigint REFERENCES people (id),
    reviewed_at  timestamptz,
    review_note  text CHECK (review_note IS NULL OR btrim(review_note) <> ''),
    CHECK (expires_at > granted_at AND expires_at <= granted_at + interval '12 hours'),
    CHECK ((reviewed_at IS NULL) = (review_note IS NULL))
);
CREATE INDEX record_access_grants_person_idx ON record_access_grants (person_id, expires_at);
CREATE INDEX record_access_grants_waiting_idx ON record_access_grants (granted_at) WHERE reviewed_at IS NULL;

REVOKE ALL ON record_access_grants FROM PUBLIC;
ALTER TABLE record_access_grants ENABLE ROW LEVEL SECURITY;
ALTER TABLE record_access_grants FORCE ROW LEVEL SECURITY;
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_all ON record_access_grants TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
CREATE TRIGGER audit_insert AFTER INSERT ON record_access_grants REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes('id');
CREATE TRIGGER audit_update AFTER UPDATE ON record_access_grants REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes('id');
CREATE TRIGGER audit_delete AFTER DELETE ON record_access_grants REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes('id');

-- The clients whose `p_part` a person reaches, by the rules at the top ('record+write' and the
-- like: for writing). Not granted to anyone: other definer functions call it with a person they
-- have established, and the acting wrapper below with the person acting.
CREATE FUNCTION carehub_person_reach(p_person bigint, p_part text) RETURNS bigint[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH want AS (SELECT split_part(p_part, '+', 1) AS part, p_part LIKE '%+write' AS writing)
    SELECT coalesce(array_agg(DISTINCT x.id), '{}') FROM (
        SELECT c.id FROM want CROSS JOIN people p JOIN person_hubs ph ON ph.person_id = p.id JOIN clients c ON c.hub_id = ph.hub_id
        LEFT JOIN client_records r ON r.client_id = c.id
        WHERE p.id = p_person AND p.active
          AND (p.role = 'manager'
               OR (p.role = 'practitioner' AND (want.part = 'person' OR p.service = 'social_care' OR want.part = ANY (r.consent_covers))))
        UNION ALL
        SELECT l.client_id FROM client_leads l JOIN people p ON p.id = l.person_id
        WHERE l.person_id = p_person AND l.led_until IS NULL AND p.active AND p.role = 'practitioner'
          AND EXISTS (SELECT 1 FROM person_hubs ph WHERE ph.person_id = p_person)
        UNION ALL
        SELECT g.client_id FROM want CROSS JOIN record_access_grants g JOIN people p ON p.id = g.person_id
        WHERE NOT want.writing AND g.person_id = p_person AND now() < g.expires_at AND p.active AND p.role = 'practitioner'
    ) x
$$;
REVOKE ALL ON FUNCTION carehub_person_reach(bigint, text) FROM PUBLIC;

-- The same for the person acting, when `p_role` (the role in effect, from the invoker wrapper) is
-- theirs; no one acting reaches no one, so the policies fail closed.
CREATE FUNCTION carehub_acting_reach(p_role name, p_part text) RETURNS bigint[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT carehub_person_reach(carehub_acting_person(p_role), p_part)
$$;
REVOKE ALL ON FUNCTION carehub_acting_reach(name, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_acting_reach(name, text) TO carehub_manager, carehub_practitioner;
CREATE FUNCTION carehub_record_clients(p_part text) RETURNS bigint[]
LANGUAGE sql STABLE AS $$ SELECT carehub_acting_reach(current_user, p_part) $$;

-- A practitioner reads who a person is (never their exact location or funding), the parts of the
-- record they reach, and who leads them; they add notes where they reach the notes. Managers keep
-- their hub-wide policies of migrations 0020 and 0026-0028.
GRANT SELECT (id, external_id, hub_id, given_name, family_name, postcode, date_of_birth, home_first, discharge_date)
    ON clients TO carehub_practitioner;
CREATE POLICY practitioner_read ON clients FOR SELECT TO carehub_practitioner
    USING (id = ANY ((SELECT carehub_record_clients('person'))::bigint[]));
GRANT SELECT ON client_records TO carehub_practitioner;
CREATE POLICY practitioner_read ON client_records FOR SELECT TO carehub_practitioner
    USING (client_id = ANY ((SELECT carehub_record_clients('record'))::bigint[]));
GRANT SELECT, INSERT ON client_notes TO carehub_practitioner;
CREATE POLICY practitioner_read ON client_notes FOR SELECT TO carehub_practitioner
    USING (client_id = ANY ((SELECT carehub_record_clients('notes'))::bigint[]));
CREATE POLICY practitioner_insert ON client_notes FOR INSERT TO carehub_practitioner
    WITH CHECK (client_id = ANY ((SELECT carehub_record_clients('notes+write'))::bigint[]));
GRANT SELECT ON client_leads TO carehub_practitioner;
CREATE POLICY practitioner_read ON client_leads FOR SELECT TO carehub_practitioner
    USING (client_id = ANY ((SELECT carehub_record_clients('person'))::bigint[]));

-- New rows about a person now check reach rather than hub, for writing: notes need the notes'
-- reach, journey episodes (migration 0031) the record's, the rest (lead spells, handovers) the
-- person's; a manager reaches their hubs as before.
CREATE OR REPLACE FUNCTION carehub_require_new_row_of_own_hub(p_table text, p_id bigint, p_client bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_person bigint := carehub_acting_recorded();
BEGIN
    IF p_id IS DISTINCT FROM currval(pg_get_serial_sequence(p_table, 'id')) THEN
        RAISE EXCEPTION 'a row''s id in % is the database''s to give', p_table USING ERRCODE = '42501';
    END IF;
    IF v_person IS NOT NULL
       AND NOT p_client = ANY (carehub_person_reach(v_person, CASE p_table WHEN 'client_notes' THEN 'notes+write'
                                                                           WHEN 'journey_episodes' THEN 'record+write'
                                                                           ELSE 'person+write' END)) THEN
        RAISE EXCEPTION 'not a person whose record you may reach' USING ERRCODE = '42501';
    END IF;
END $$;

-- A read of who a person is and their week (`roster show --client`, the web's client and person
-- pages), recorded only for a person the reader reaches or one of their hubs' (the scheduler's),
-- or any for the administration login: before, any id could be written against, so a manager could
-- put reads of another hub's people into those people's trails.
CREATE OR REPLACE FUNCTION carehub_record_client_read(p_client bigint) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO audit_log (person_id, action, table_name, row_key, client_id)
    SELECT carehub_acting_recorded(), 'read', 'clients', c.id::text, c.id
    FROM clients c
    WHERE c.id = p_client
      AND (carehub_acting_recorded() IS NULL
           OR c.id = ANY (carehub_person_reach(carehub_acting_recorded(), 'person'))
           OR c.hub_id IN (SELECT ph.hub_id FROM person_hubs ph WHERE ph.person_id = carehub_acting_recorded()))
$$;
GRANT EXECUTE ON FUNCTION carehub_record_client_read(bigint) TO carehub_practitioner;

-- A read of a person's notes (`carehub record show`, the web's person page), recorded against
-- `client_notes` with the person, for a reader who reaches the notes; notes may be shared where
-- the record is not, so their read is recorded on its own.
CREATE FUNCTION carehub_record_notes_read(p_client bigint) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO audit_log (person_id, action, table_name, row_key, client_id)
    SELECT carehub_acting_recorded(), 'read', 'client_notes', c.id::text, c.id
    FROM clients c
    WHERE c.id = p_client
      AND (carehub_acting_recorded() IS NULL OR c.id = ANY (carehub_person_reach(carehub_acting_recorded(), 'notes')))
$$;
REVOKE ALL ON FUNCTION carehub_record_notes_read(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_record_notes_read(bigint) TO carehub_manager, carehub_practitioner;

-- A record read is recorded only for a person the reader reaches (any person for the
-- administration login), so no one can write read entries against people they cannot see.
CREATE OR REPLACE FUNCTION carehub_record_client_record_read(p_client bigint) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO audit_log (person_id, action, table_name, row_key, client_id)
    SELECT carehub_acting_recorded(), 'read', 'client_records', c.id::text, c.id
    FROM clients c
    WHERE c.id = p_client
      AND (carehub_acting_recorded() IS NULL OR c.id = ANY (carehub_person_reach(carehub_acting_recorded(), 'record')))
$$;
GRANT EXECUTE ON FUNCTION carehub_record_client_record_read(bigint) TO carehub_practitioner;

-- Break-glass for the acting practitioner: opens the record of the client with this external id
-- for `p_minutes` (1 to 720) and returns when it closes (NULL for no such client). The reason is kept for the review.
CREATE FUNCTION carehub_break_glass(p_client_external_id text, p_reason text, p_minutes integer) RETURNS timestamptz
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_person bigint := carehub_acting_person('carehub_practitioner');
    v_client bigint;
    v_until timestamptz;
BEGIN
    IF v_person IS NULL OR NOT EXISTS (SELECT 1 FROM person_hubs ph WHERE ph.person_id = v_person) THEN
        RAISE EXCEPTION 'break-glass access is for practitioners of a hub acting for themselves' USING ERRCODE = '42501';
    END IF;
    -- Their own row locked: two requests at once take turns, so one grant stays one.
    PERFORM 1 FROM people WHERE id = v_person FOR NO KEY UPDATE;
    IF p_minutes IS NULL OR p_minutes < 1 OR p_minutes > 720 THEN
        RAISE EXCEPTION 'break-glass access lasts from 1 minute to 12 hours' USING ERRCODE = '22023';
    END IF;
    SELECT id INTO v_client FROM clients WHERE external_id = p_client_external_id;
    IF v_client IS NULL THEN
        RETURN NULL;
    END IF;
    -- One open grant per person and record: renewing needs the first to close (each is reviewed).
    IF EXISTS (SELECT 1 FROM record_access_grants g WHERE g.person_id = v_person AND g.client_id = v_client AND now() < g.expires_at) THEN
        RAISE EXCEPTION 'break-glass access to this record is open already'
            USING ERRCODE = '23514', TABLE = 'record_access_grants', CONSTRAINT = 'record_access_grants_one_open';
    END IF;
    INSERT INTO record_access_grants (client_id, person_id, reason, expires_at)
    VALUES (v_client, v_person, btrim(p_reason), now() + p_minutes * interval '1 minute')
    RETURNING expires_at INTO v_until;
    RETURN v_until;
END $$;
REVOKE ALL ON FUNCTION carehub_break_glass(text, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_break_glass(text, text, integer) TO carehub_practitioner;

-- The administrator's review list: every grant (or those waiting), with who, whose record (the
-- client's external id and hub, never their name), why, and when. The reason is the
-- practitioner's words; reviewing them is the point.
CREATE FUNCTION carehub_break_glass_grants(p_waiting_only boolean)
RETURNS TABLE (id bigint, client text, hub text, person_email text, person_name text, reason text, granted_at timestamptz,
               expires_at timestamptz, reviewed_by text, reviewed_at timestamptz, review_note text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT g.id, c.external_id, h.code, p.email, p.name, g.reason, g.granted_at, g.expires_at,
           CASE WHEN g.reviewed_at IS NULL THEN NULL ELSE coalesce(r.email, 'administration login') END, g.reviewed_at, g.review_note
    FROM record_access_grants g JOIN clients c ON c.id = g.client_id JOIN hubs h ON h.id = c.hub_id
    JOIN people p ON p.id = g.person_id LEFT JOIN people r ON r.id = g.reviewed_by
    WHERE NOT p_waiting_only OR g.reviewed_at IS NULL
    ORDER BY g.granted_at, g.id
$$;
REVOKE ALL ON FUNCTION carehub_break_glass_grants(boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_break_glass_grants(boolean) TO carehub_admin;

-- An administrator records their review of a grant, once; false when there is no such grant
-- waiting. The reviewer is the person acting (NULL for the administration login).
CREATE FUNCTION carehub_review_break_glass(p_grant bigint, p_note text) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF carehub_acting_recorded() IS NOT NULL AND carehub_acting_person('carehub_admin') IS NULL THEN
        RAISE EXCEPTION 'reviews are for administrators' USING ERRCODE = '42501';
    END IF;
    UPDATE record_access_grants SET reviewed_by = carehub_acting_recorded(), reviewed_at = now(), review_note = btrim(p_note)
    WHERE id = p_grant AND reviewed_at IS NULL;
    RETURN FOUND;
END $$;
REVOKE ALL ON FUNCTION carehub_review_break_glass(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_review_break_glass(bigint, text) TO carehub_admin;

-- The ids of a person's break-glass grants, for `carehub audit --client`.
CREATE FUNCTION carehub_client_grant_ids(p_client bigint) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT id::text FROM record_access_grants WHERE client_id = p_client
$$;
REVOKE ALL ON FUNCTION carehub_client_grant_ids(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_client_grant_ids(bigint) TO carehub_admin;
