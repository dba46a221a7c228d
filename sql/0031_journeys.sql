-- Issue 15: each person's journey between services, and the handovers that carry them.
--
-- A journey is a list of episodes: a hospital admission, a discharge (linked to the hospital
-- discharge record), Home First reablement (its goals, its end and outcome), long-term home care,
-- no care, a readmission, a provider handing the package back, death. An episode is recorded by a
-- member of staff (set by the database) and never deleted; one that lasts (an admission,
-- reablement, long-term care) is ended once, with reablement's outcome.
--
-- A handover moves a person from one lead professional to another, usually between services (the
-- discharge team to the community nurse, reablement to long-term care): the current lead or a
-- manager of the person's hub names an active member of the hub's staff, who accepts it and so
-- becomes the lead (migration 0028's spells). One handover waits at a time; a new one withdraws
-- it. A handover not accepted within 24 hours is what `carehub journey waiting` flags.
--
-- Access: the journey is part of the record. A manager of the person's hub reads and adds; a
-- practitioner who reaches the record (migration 0029) reads and adds. Handovers are read by those
-- who reach the person, and by the two people named; they are written only through
-- `carehub_hand_over` and `carehub_accept_handover`.

CREATE TABLE journey_episodes (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id     bigint NOT NULL REFERENCES clients (id),
    kind          text NOT NULL CHECK (kind IN ('hospital_admission', 'hospital_discharge', 'reablement', 'long_term_care', 'no_care',
                                                'readmission', 'provider_handback', 'death')),
    started_at    timestamptz NOT NULL,
    ended_at      timestamptz,
    -- The discharge this episode is, or the reablement that followed it.
    discharge_id  bigint REFERENCES hospital_discharges (id),
    goals         text CHECK (goals IS NULL OR (btrim(goals) <> '' AND char_length(goals) <= 2000)),
    outcome       text CHECK (outcome IN ('independent', 'long_term_care', 'hospital', 'care_home', 'died')),
    recorded_by   bigint REFERENCES people (id),
    -- Their name then, for whoever reads the journey (readers have no privilege on people).
    recorded_name text NOT NULL DEFAULT '',
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (ended_at IS NULL OR ended_at >= started_at),
    CHECK (ended_at IS NULL OR kind IN ('hospital_admission', 'readmission', 'reablement', 'long_term_care')),
    CHECK (discharge_id IS NULL OR kind IN ('hospital_discharge', 'reablement')),
    CHECK (goals IS NULL OR kind = 'reablement'),
    CHECK (outcome IS NULL OR (kind = 'reablement' AND ended_at IS NOT NULL))
);
CREATE INDEX journey_episodes_client_idx ON journey_episodes (client_id, started_at);
-- A discharge is one episode, and is followed by at most one reablement.
CREATE UNIQUE INDEX journey_episodes_discharge_idx ON journey_episodes (discharge_id, kind) WHERE discharge_id IS NOT NULL;

-- The hospital discharge an episode may name, by external id: one already linked to the client,
-- or, for a manager of the client's hub (or the administration login), one of that hub linked to
-- no one yet, which the episode then links. NULL otherwise, so a practitioner cannot probe or
-- claim discharges. The caller must reach the client's record to write it.
CREATE FUNCTION carehub_discharge_for_episode(p_external_id text, p_client bigint) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT d.id FROM hospital_discharges d JOIN clients c ON c.id = p_client AND c.hub_id = d.hub_id
    WHERE d.external_id = p_external_id
      AND (carehub_acting_recorded() IS NULL OR p_client = ANY (carehub_person_reach(carehub_acting_recorded(), 'record+write')))
      AND (d.client_id = p_client
           OR (d.client_id IS NULL
               AND (carehub_acting_recorded() IS NULL
                    OR EXISTS (SELECT 1 FROM people p JOIN person_hubs ph ON ph.person_id = p.id
                               WHERE p.id = carehub_acting_recorded() AND p.active AND p.role = 'manager' AND ph.hub_id = c.hub_id))))
$$;
REVOKE ALL ON FUNCTION carehub_discharge_for_episode(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_discharge_for_episode(text, bigint) TO carehub_manager, carehub_practitioner;

-- Who recorded an episode and when, from the person acting; a discharge it names must be one
-- `carehub_discharge_for_episode` gives, and an unlinked one becomes the person's.
CREATE FUNCTION carehub_episode_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM carehub_require_new_row_of_own_hub('journey_episodes', NEW.id, NEW.client_id);
    NEW.recorded_by := carehub_acting_recorded();
    NEW.recorded_name := coalesce((SELECT p.name FROM people p WHERE p.id = NEW.recorded_by), 'administration login (' || session_user || ')');
    NEW.recorded_at := now();
    IF NEW.discharge_id IS NOT NULL THEN
        -- Locked, so that two episodes linking one discharge to two people cannot both pass.
        PERFORM 1 FROM hospital_discharges WHERE id = NEW.discharge_id FOR UPDATE;
        IF NEW.discharge_id IS DISTINCT FROM carehub_discharge_for_episode(
               (SELECT external_id FROM hospital_discharges WHERE id = NEW.discharge_id), NEW.client_id) THEN
            RAISE EXCEPTION 'the discharge is another person''s or another hub''s, or not yours to link'
                USING ERRCODE = '23514', TABLE = 'journey_episodes', CONSTRAINT = 'journey_episodes_discharge_of_client';
        END IF;
        UPDATE hospital_discharges SET client_id = NEW.client_id WHERE id = NEW.discharge_id AND client_id IS NULL;
    END IF;
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION carehub_episode_insert() FROM PUBLIC;
CREATE TRIGGER journey_episodes_insert BEFORE INSERT ON journey_episodes FOR EACH ROW EXECUTE FUNCTION carehub_episode_insert();

-- An episode is ended once (with reablement's outcome); after that it is history.
CREATE FUNCTION carehub_episode_end() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.ended_at IS NOT NULL THEN
        RAISE EXCEPTION 'an ended episode is history and stays as it was' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER journey_episodes_end BEFORE UPDATE ON journey_episodes FOR EACH ROW EXECUTE FUNCTION carehub_episode_end();
CREATE FUNCTION carehub_episode_no_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a journey''s episodes are never deleted: record what happened next' USING ERRCODE = '42501';
END $$;
CREATE TRIGGER journey_episodes_no_delete BEFORE DELETE ON journey_episodes
    FOR EACH ROW EXECUTE FUNCTION carehub_episode_no_delete();
CREATE TRIGGER journey_episodes_no_truncate BEFORE TRUNCATE ON journey_episodes
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_episode_no_delete();

REVOKE ALL ON journey_episodes FROM PUBLIC;
ALTER TABLE journey_episodes ENABLE ROW LEVEL SECURITY;
ALTER TABLE journey_episodes FORCE ROW LEVEL SECURITY;
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_all ON journey_episodes TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
CREATE POLICY acting_all ON journey_episodes TO carehub_manager
    USING (client_id IN (SELECT id FROM clients)) WITH CHECK (client_id IN (SELECT id FROM clients));
CREATE POLICY practitioner_read ON journey_episodes FOR SELECT TO carehub_practitioner
    USING (client_id = ANY ((SELECT carehub_record_clients('record'))::bigint[]));
CREATE POLICY practitioner_insert ON journey_episodes FOR INSERT TO carehub_practitioner
    WITH CHECK (client_id = ANY ((SELECT carehub_record_clients('record+write'))::bigint[]));
CREATE POLICY practitioner_update ON journey_episodes FOR UPDATE TO carehub_practitioner
    USING (client_id = ANY ((SELECT carehub_record_clients('record+write'))::bigint[]))
    WITH CHECK (client_id = ANY ((SELECT carehub_record_clients('record+write'))::bigint[]));
GRANT SELECT, INSERT ON journey_episodes TO carehub_manager, carehub_practitioner;
GRANT UPDATE (ended_at, outcome) ON journey_episodes TO carehub_manager, carehub_practitioner;

-- Keyed "client id/episode id", so `carehub audit --client` finds them by the person.
CREATE TRIGGER audit_insert AFTER INSERT ON journey_episodes REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes('client_id', 'id');
CREATE TRIGGER audit_update AFTER UPDATE ON journey_episodes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes('client_id', 'id');
CREATE TRIGGER audit_delete AFTER DELETE ON journey_episodes REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes('client_id', 'id');

CREATE TABLE handovers (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id     bigint NOT NULL REFERENCES clients (id),
    -- NULL for the administration login.
    from_person   bigint REFERENCES people (id),
    from_name     text NOT NULL,
    from_service  text,
    to_person     bigint NOT NULL REFERENCES people (id),
    to_name       text NOT NULL,
    to_service    text NOT NULL,
    handed_at     timestamptz NOT NULL DEFAULT now(),
    accepted_at   timestamptz,
    withdrawn_at  timestamptz,
    note          text CHECK (note IS NULL OR (btrim(note) <> '' AND char_length(note) <= 2000)),
    CHECK (accepted_at IS NULL OR withdrawn_at IS NULL),
    CHECK (accepted_at IS NULL OR accepted_at >= handed_at)
);
CREATE UNIQUE INDEX handovers_waiting_idx ON handovers (client_id) WHERE accepted_at IS NULL AND withdrawn_at IS NULL;
CREATE INDEX handovers_to_idx ON handovers (to_person) WHERE accepted_at IS NULL AND withdrawn_at IS NULL;

REVOKE ALL ON handovers FROM PUBLIC;
ALTER TABLE handovers ENABLE ROW LEVEL SECURITY;
ALTER TABLE handovers FORCE ROW LEVEL SECURITY;
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_all ON handovers TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
CREATE POLICY acting_read ON handovers FOR SELECT TO carehub_manager USING (client_id IN (SELECT id FROM clients));
CREATE POLICY practitioner_read ON handovers FOR SELECT TO carehub_practitioner
    USING (client_id = ANY ((SELECT carehub_record_clients('person'))::bigint[]) OR to_person = (SELECT carehub_person_id()));
GRANT SELECT ON handovers TO carehub_manager;
-- A handover's note is clinical text: practitioners read it through `carehub_handover_note`,
-- which asks for the record's reach (or that they are its receiver) and is audited with the journey.
GRANT SELECT (id, client_id, from_person, from_name, from_service, to_person, to_name, to_service, handed_at, accepted_at, withdrawn_at)
    ON handovers TO carehub_practitioner;

CREATE TRIGGER audit_insert AFTER INSERT ON handovers REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes('client_id', 'id');
CREATE TRIGGER audit_update AFTER UPDATE ON handovers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes('client_id', 'id');
CREATE TRIGGER audit_delete AFTER DELETE ON handovers REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes('client_id', 'id');

-- The acting person hands client `p_client` over to the member of staff with e-mail `p_to_email`. Allowed to the person's
-- current lead and to an active manager of their hub (the administration login too); the receiver
-- must be an active manager or practitioner of the person's hub, not the one handing over and not
-- already the lead. A waiting handover of the same person is withdrawn. Returns the new id.
CREATE FUNCTION carehub_hand_over(p_client bigint, p_to_email text, p_note text) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_person bigint := carehub_acting_recorded();
    v_hub bigint;
    v_id bigint;
    p_to bigint;
BEGIN
    -- The client's row first, as lead assignments and acceptances take it: one change of lead at a time.
    SELECT hub_id INTO v_hub FROM clients WHERE id = p_client FOR NO KEY UPDATE;
    SELECT p.id INTO p_to FROM people p WHERE lower(p.email) = lower(p_to_email);
    IF v_hub IS NULL OR (v_person IS NOT NULL AND NOT p_client = ANY (carehub_person_reach(v_person, 'person+write'))) THEN
        RAISE EXCEPTION 'not a person whose record you may reach' USING ERRCODE = '42501';
    END IF;
    IF v_person IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM client_leads l WHERE l.client_id = p_client AND l.led_until IS NULL AND l.person_id = v_person)
       AND NOT EXISTS (SELECT 1 FROM people p JOIN person_hubs ph ON ph.person_id = p.id
                       WHERE p.id = v_person AND p.active AND p.role = 'manager' AND ph.hub_id = v_hub) THEN
        RAISE EXCEPTION 'only the person''s lead professional or a manager of their hub hands them over' USING ERRCODE = '42501';
    END IF;
    IF p_to IS NOT DISTINCT FROM v_person
       OR EXISTS (SELECT 1 FROM client_leads l WHERE l.client_id = p_client AND l.led_until IS NULL AND l.person_id = p_to)
       OR NOT EXISTS (SELECT 1 FROM people p JOIN person_hubs ph ON ph.person_id = p.id
                      WHERE p.id = p_to AND p.active AND p.role IN ('manager', 'practitioner') AND ph.hub_id = v_hub) THEN
        RAISE EXCEPTION 'a handover goes to active staff of the person''s hub other than you and their current lead'
            USING ERRCODE = '23514', TABLE = 'handovers', CONSTRAINT = 'handovers_receiver';
    END IF;
    UPDATE handovers SET withdrawn_at = now() WHERE client_id = p_client AND accepted_at IS NULL AND withdrawn_at IS NULL;
    INSERT INTO handovers (client_id, from_person, from_name, from_service, to_person, to_name, to_service, note)
    SELECT p_client, v_person, coalesce(f.name, 'administration login (' || session_user || ')'), f.service, t.id, t.name, t.service,
           nullif(btrim(p_note), '')
    FROM people t LEFT JOIN people f ON f.id = v_person
    WHERE t.id = p_to
    RETURNING id INTO v_id;
    RETURN v_id;
END $$;
REVOKE ALL ON FUNCTION carehub_hand_over(bigint, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_hand_over(bigint, text, text) TO carehub_manager, carehub_practitioner;

-- A handover's note, for the administration login, whoever reaches the person's record (their
-- journey), and the receiver while it waits for them and they still reach the person; NULL for
-- anyone else. Its read is recorded with the journey's (`carehub_record_journey_read`).
CREATE FUNCTION carehub_handover_note(p_handover bigint) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT o.note FROM handovers o
    WHERE o.id = p_handover
      AND (carehub_acting_recorded() IS NULL
           OR o.client_id = ANY (carehub_person_reach(carehub_acting_recorded(), 'record'))
           OR (o.to_person = carehub_acting_recorded() AND o.accepted_at IS NULL AND o.withdrawn_at IS NULL
               AND o.client_id = ANY (carehub_person_reach(carehub_acting_recorded(), 'person'))))
$$;
REVOKE ALL ON FUNCTION carehub_handover_note(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_handover_note(bigint) TO carehub_manager, carehub_practitioner;

-- A read of a person's journey and handovers (`carehub journey show`, `record show`, the web's
-- person page), recorded like a record read, for a reader who reaches the record or receives a
-- handover of the person that waits (and reads its note).
CREATE FUNCTION carehub_record_journey_read(p_client bigint) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO audit_log (person_id, action, table_name, row_key, client_id)
    SELECT carehub_acting_recorded(), 'read', 'journey_episodes', c.id::text, c.id
    FROM clients c
    WHERE c.id = p_client
      AND (carehub_acting_recorded() IS NULL OR c.id = ANY (carehub_person_reach(carehub_acting_recorded(), 'record'))
           OR EXISTS (SELECT 1 FROM handovers o WHERE o.client_id = c.id AND o.to_person = carehub_acting_recorded()
                      AND o.accepted_at IS NULL AND o.withdrawn_at IS NULL))
$$;
REVOKE ALL ON FUNCTION carehub_record_journey_read(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_record_journey_read(bigint) TO carehub_manager, carehub_practitioner;

-- Lead spells (migration 0028) as practitioners and handovers change them: a lead is an active
-- manager or practitioner of the person's hub when assigned; and a new spell by assignment
-- withdraws a handover still waiting for the person, whose receiver must not unseat the lead just
-- assigned. (An accepted handover is no longer waiting when its own spell starts.)
CREATE OR REPLACE FUNCTION carehub_lead_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_person bigint := carehub_acting_recorded();
BEGIN
    PERFORM carehub_require_new_row_of_own_hub('client_leads', NEW.id, NEW.client_id);
    NEW.assigned_by := v_person;
    NEW.led_from := now();
    NEW.led_until := NULL;
    IF NOT EXISTS (
        SELECT 1 FROM person_hubs ph JOIN clients c ON c.hub_id = ph.hub_id JOIN people p ON p.id = ph.person_id
        WHERE c.id = NEW.client_id AND ph.person_id = NEW.person_id AND p.active AND p.role IN ('manager', 'practitioner')
    ) THEN
        RAISE EXCEPTION 'a lead must be an active member of staff of the person''s hub'
            USING ERRCODE = '23514', TABLE = 'client_leads', CONSTRAINT = 'client_leads_hub_staff';
    END IF;
    UPDATE handovers SET withdrawn_at = now() WHERE client_id = NEW.client_id AND accepted_at IS NULL AND withdrawn_at IS NULL;
    RETURN NEW;
END $$;

-- The acting person accepts a handover made to them: it is stamped, the current lead's spell
-- ends and theirs begins. False when no such handover waits for them.
CREATE FUNCTION carehub_accept_handover(p_handover bigint) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_person bigint := carehub_acting_recorded();
    v_client bigint;
BEGIN
    -- The client's row first (as assignments and handovers take it), then the handover: an
    -- assignment at the same moment waits its turn instead of deadlocking.
    PERFORM 1 FROM clients WHERE id = (SELECT client_id FROM handovers WHERE id = p_handover) FOR NO KEY UPDATE;
    -- Only while it waits, for its receiver, who is still active staff of the person's hub.
    UPDATE handovers o SET accepted_at = now()
    WHERE o.id = p_handover AND o.to_person = v_person AND o.accepted_at IS NULL AND o.withdrawn_at IS NULL
      AND EXISTS (SELECT 1 FROM people p JOIN person_hubs ph ON ph.person_id = p.id JOIN clients c ON c.hub_id = ph.hub_id
                  WHERE p.id = v_person AND p.active AND p.role IN ('manager', 'practitioner') AND c.id = o.client_id)
    RETURNING o.client_id INTO v_client;
    IF v_client IS NULL THEN
        RETURN false;
    END IF;
    UPDATE client_leads SET led_until = now() WHERE client_id = v_client AND led_until IS NULL;
    INSERT INTO client_leads (client_id, person_id) VALUES (v_client, v_person);
    RETURN true;
END $$;
REVOKE ALL ON FUNCTION carehub_accept_handover(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_accept_handover(bigint) TO carehub_manager, carehub_practitioner;

-- The external id of the hospital discharge an episode names, for a reader of that person's
-- journey (practitioners have no privilege on hospital_discharges); NULL for anyone else.
CREATE FUNCTION carehub_episode_discharge(p_episode bigint) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT d.external_id FROM journey_episodes e JOIN hospital_discharges d ON d.id = e.discharge_id
    WHERE e.id = p_episode
      AND (carehub_acting_recorded() IS NULL OR e.client_id = ANY (carehub_person_reach(carehub_acting_recorded(), 'record')))
$$;
REVOKE ALL ON FUNCTION carehub_episode_discharge(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_episode_discharge(bigint) TO carehub_manager, carehub_practitioner;

-- Better Care Fund measures from the journey (issue 15).
--
-- Where a discharged person was 91 days later, from their journey when the discharge is linked to
-- one: died (a death by the end of day 91, or reablement ending in death), in hospital (an
-- admission or readmission after the discharge still open on day 91, or reablement ending in
-- hospital with no later discharge), in a care home (reablement ended so by then), else at home.
-- A discharge with no journey keeps the status its file gave (`status_at_91`). It runs as its
-- caller (no SECURITY DEFINER): a manager sees only their hubs' discharges and journeys, and the
-- commissioners' twin of the report runs as the owner.
CREATE FUNCTION carehub_status_at_91(p_discharge bigint) RETURNS text
LANGUAGE sql STABLE AS $$
    WITH d AS (
        SELECT d.id, d.status_at_91, e.client_id,
               coalesce(e.discharged, d.discharge_date::timestamp AT TIME ZONE h.timezone) AS discharged,
               (d.discharge_date + 92)::timestamp AT TIME ZONE h.timezone AS day92,
               (d.discharge_date + 91)::timestamp AT TIME ZONE h.timezone AS day91
        FROM hospital_discharges d JOIN hubs h ON h.id = d.hub_id
        -- The person of the journey that names this discharge (its discharge or the reablement after it).
        LEFT JOIN LATERAL (
            SELECT x.client_id, (SELECT y.started_at FROM journey_episodes y WHERE y.discharge_id = d.id AND y.kind = 'hospital_discharge')
                   AS discharged
            FROM journey_episodes x WHERE x.discharge_id = d.id ORDER BY x.kind <> 'hospital_discharge', x.id LIMIT 1
        ) e ON true
        WHERE d.id = p_discharge
    )
    SELECT CASE
        WHEN d.client_id IS NULL THEN d.status_at_91
        WHEN EXISTS (SELECT 1 FROM journey_episodes e WHERE e.client_id = d.client_id AND e.kind = 'death' AND e.started_at < d.day92)
          OR EXISTS (SELECT 1 FROM journey_episodes e WHERE e.discharge_id = d.id AND e.kind = 'reablement' AND e.outcome = 'died'
                     AND e.ended_at < d.day92) THEN 'died'
        WHEN EXISTS (SELECT 1 FROM journey_episodes e WHERE e.client_id = d.client_id AND e.kind IN ('hospital_admission', 'readmission')
                     AND e.started_at > d.discharged AND e.started_at < d.day92 AND (e.ended_at IS NULL OR e.ended_at >= d.day91))
          OR EXISTS (SELECT 1 FROM journey_episodes e WHERE e.discharge_id = d.id AND e.kind = 'reablement' AND e.outcome = 'hospital'
                     AND e.ended_at < d.day92
                     AND NOT EXISTS (SELECT 1 FROM journey_episodes x WHERE x.client_id = d.client_id AND x.kind = 'hospital_discharge'
                                     AND x.started_at > e.ended_at AND x.started_at < d.day92)) THEN 'hospital'
        WHEN EXISTS (SELECT 1 FROM journey_episodes e WHERE e.discharge_id = d.id AND e.kind = 'reablement' AND e.outcome = 'care_home'
                     AND e.ended_at < d.day92) THEN 'care_home'
        ELSE 'home'
    END
    FROM d
$$;

-- B1 as before (0013), with each person's status from their journey where there is one.
CREATE OR REPLACE FUNCTION report_reablement_91(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$
    WITH pe AS (SELECT * FROM carehub_period_windows(p_from, p_to, p_by)),
    x AS (
        SELECT pe.e, h.code AS hub, count(*) FILTER (WHERE carehub_status_at_91(d.id) = 'home') AS home, count(*) AS cohort
        FROM pe JOIN hospital_discharges d ON d.discharge_date > pe.prev AND d.discharge_date <= pe.e
        JOIN hubs h ON h.id = d.hub_id
        WHERE d.age_at_discharge >= 65 AND d.reablement_start IS NOT NULL AND d.council_funded
          AND d.discharge_date + 91 <= p_to AND (p_hub IS NULL OR h.code = p_hub)
        GROUP BY GROUPING SETS ((pe.e, h.code), (pe.e))
    )
    SELECT e, coalesce(hub, 'ALL'), home::numeric, cohort::numeric,
           carehub_rate(home, cohort)
    FROM x ORDER BY e, coalesce(hub, 'ALL')
$$;

-- Readmission within 30 days: discharges in the period (of people with a journey) followed by a
-- hospital admission or readmission 1 to 30 days later ÷ those discharges. Only discharges at
-- least 30 days before p_to count.
CREATE FUNCTION report_readmission_30(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$
    WITH pe AS (SELECT * FROM carehub_period_windows(p_from, p_to, p_by)),
    x AS (
        SELECT pe.e, h.code AS hub,
               count(*) FILTER (WHERE EXISTS (
                   SELECT 1 FROM journey_episodes a WHERE a.client_id = e.client_id AND a.kind IN ('hospital_admission', 'readmission')
                   AND a.started_at > e.started_at AND a.started_at <= e.started_at + interval '30 days')) AS back,
               count(*) AS cohort
        FROM journey_episodes e JOIN clients c ON c.id = e.client_id JOIN hubs h ON h.id = c.hub_id
        JOIN pe ON (e.started_at AT TIME ZONE h.timezone)::date > pe.prev AND (e.started_at AT TIME ZONE h.timezone)::date <= pe.e
        WHERE e.kind = 'hospital_discharge' AND (e.started_at AT TIME ZONE h.timezone)::date + 30 <= p_to
          AND (p_hub IS NULL OR h.code = p_hub)
        GROUP BY GROUPING SETS ((pe.e, h.code), (pe.e))
    )
    SELECT e, coalesce(hub, 'ALL'), back::numeric, cohort::numeric, carehub_rate(back, cohort)
    FROM x ORDER BY e, coalesce(hub, 'ALL')
$$;

-- Each discharge into reablement (from the journey) with its hub, local date and the start of
-- the person's first visit after it: a visit counts when a published roster gave it a carer (its
-- start is the roster's) and it was not missed or cancelled. Runs as its caller.
CREATE FUNCTION carehub_discharge_first_visits()
RETURNS TABLE (client_id bigint, hub text, timezone text, started_at timestamptz, local_date date, first_visit timestamptz)
LANGUAGE sql STABLE AS $$
    SELECT e.client_id, h.code, h.timezone, e.started_at, (e.started_at AT TIME ZONE h.timezone)::date,
           (SELECT min(a.starts_at) FROM visits v JOIN roster_assignments a ON a.visit_id = v.id
            JOIN rosters r ON r.id = a.roster_id AND r.status = 'published'
            WHERE v.client_id = e.client_id AND v.status IN ('planned', 'delivered') AND a.starts_at >= e.started_at)
    FROM journey_episodes e JOIN clients c ON c.id = e.client_id JOIN hubs h ON h.id = c.hub_id
    WHERE e.kind = 'hospital_discharge'
      AND EXISTS (SELECT 1 FROM journey_episodes r WHERE r.discharge_id = e.discharge_id AND r.kind = 'reablement')
$$;

-- Home First's first 24 hours: discharges in the period followed by reablement whose first visit
-- started within 24 hours of the discharge ÷ those discharges; a discharge with no visit counts as
-- not seen in time. Discharges under 24 hours before the end of p_to are left out (their day is
-- not over).
CREATE FUNCTION report_first_visit_24h(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$
    WITH pe AS (SELECT * FROM carehub_period_windows(p_from, p_to, p_by)),
    firsts AS (
        SELECT f.client_id, f.started_at, f.first_visit, f.local_date
        FROM carehub_discharge_first_visits() f
        WHERE f.started_at + interval '24 hours' <= (p_to + 1)::timestamp AT TIME ZONE f.timezone
    ),
    x AS (
        SELECT pe.e, h.code AS hub, count(*) FILTER (WHERE f.first_visit < f.started_at + interval '24 hours') AS seen, count(*) AS cohort
        FROM firsts f JOIN clients c ON c.id = f.client_id JOIN hubs h ON h.id = c.hub_id
        JOIN pe ON f.local_date > pe.prev AND f.local_date <= pe.e
        WHERE p_hub IS NULL OR h.code = p_hub
        GROUP BY GROUPING SETS ((pe.e, h.code), (pe.e))
    )
    SELECT e, coalesce(hub, 'ALL'), seen::numeric, cohort::numeric, carehub_rate(seen, cohort)
    FROM x ORDER BY e, coalesce(hub, 'ALL')
$$;

-- Time from discharge to the first visit, in hours: for discharges into reablement in the period
-- that have had one, how many, the median and the 90th percentile (suppressed under 10, as the
-- other durations).
CREATE FUNCTION report_discharge_to_visit(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, count bigint, median numeric, p90 numeric)
LANGUAGE sql STABLE AS $$
    WITH pe AS (SELECT * FROM carehub_period_windows(p_from, p_to, p_by)),
    x AS (
        SELECT pe.e, f.hub, count(*) AS n,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.first_visit - f.started_at) / 3600) AS median,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM f.first_visit - f.started_at) / 3600) AS p90
        FROM carehub_discharge_first_visits() f JOIN pe ON f.local_date > pe.prev AND f.local_date <= pe.e
        WHERE f.first_visit IS NOT NULL AND (p_hub IS NULL OR f.hub = p_hub)
        GROUP BY GROUPING SETS ((pe.e, f.hub), (pe.e))
    )
    SELECT e, coalesce(hub, 'ALL'), n, carehub_suppressed(median, n), carehub_suppressed(p90, n)
    FROM x ORDER BY e, coalesce(hub, 'ALL')
$$;

-- Their commissioner twins, as migration 0021 made the others: every hub, and every figure of a
-- row of one to four discharges hidden.
DO $$
DECLARE
    report text;
BEGIN
    FOREACH report IN ARRAY ARRAY['report_readmission_30', 'report_first_visit_24h'] LOOP
        EXECUTE format(
            $f$CREATE FUNCTION %I(p_from date, p_to date, p_by text, p_hub text) RETURNS %s
               LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
               AS 'SELECT r.period_end, r.hub, CASE WHEN r.denominator BETWEEN 1 AND 4 THEN NULL ELSE r.numerator END,
                          CASE WHEN r.denominator BETWEEN 1 AND 4 THEN NULL ELSE r.denominator END,
                          CASE WHEN r.denominator BETWEEN 1 AND 4 THEN NULL ELSE r.rate END FROM %I(p_from, p_to, p_by, p_hub) r'$f$,
            'commissioner_' || report, pg_get_function_result(report::regproc), report);
        EXECUTE format('REVOKE ALL ON FUNCTION %I(date, date, text, text) FROM PUBLIC', 'commissioner_' || report);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %I(date, date, text, text) TO carehub_commissioner, carehub_admin',
                       'commissioner_' || report);
    END LOOP;
END $$;
CREATE FUNCTION commissioner_report_discharge_to_visit(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, count bigint, median numeric, p90 numeric)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT r.period_end, r.hub, CASE WHEN r.count BETWEEN 1 AND 4 THEN NULL ELSE r.count END,
           CASE WHEN r.count BETWEEN 1 AND 4 THEN NULL ELSE r.median END, CASE WHEN r.count BETWEEN 1 AND 4 THEN NULL ELSE r.p90 END
    FROM report_discharge_to_visit(p_from, p_to, p_by, p_hub) r
$$;
REVOKE ALL ON FUNCTION commissioner_report_discharge_to_visit(date, date, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION commissioner_report_discharge_to_visit(date, date, text, text) TO carehub_commissioner, carehub_admin;
