-- Issue 15: a person's care plan. Its items are the tasks of their calls (personal care,
-- medication prompts, meals, mobility, domestic help), how to get in ("access": key safe,
-- parking, a dog to shut away), and the outcomes the care works towards, each with a review date.
-- A task names the call it belongs to by the package's call label (`package_visits.call_label`,
-- migration 0025: "am", "tea"), or every call when it names none, so importing the package again
-- keeps it. The plan is written whole (`carehub import care-plans`): a client's items are replaced
-- by the file's, in the file's order.
--
-- Access: a manager of the client's hub reads and writes; a practitioner who reaches the care
-- plan (migration 0029: consent covering `care_plan`, social care in the hub, lead, break-glass)
-- reads and writes it too (a therapist sets reablement goals). A carer sees, through their own
-- link, the tasks and access notes of the people they visit in the next 24 hours and nothing
-- else of the plan (`carehub_carer_link_tasks`).

CREATE TABLE care_plan_items (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id    bigint NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    position     integer NOT NULL CHECK (position >= 1),
    kind         text NOT NULL
                 CHECK (kind IN ('access', 'personal_care', 'medication_prompt', 'meal', 'mobility', 'domestic', 'other', 'outcome')),
    -- The call a task belongs to; NULL: every call. Access notes and outcomes belong to no call.
    call_label   text CHECK (call_label ~ '^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$'),
    description  text NOT NULL CHECK (btrim(description) <> '' AND char_length(description) <= 500),
    -- Outcomes only, and required for them.
    review_on    date,
    CHECK ((kind = 'outcome') = (review_on IS NOT NULL)),
    CHECK (kind NOT IN ('outcome', 'access') OR call_label IS NULL),
    UNIQUE (client_id, position)
);

REVOKE ALL ON care_plan_items FROM PUBLIC;
ALTER TABLE care_plan_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE care_plan_items FORCE ROW LEVEL SECURITY;
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_all ON care_plan_items TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
CREATE POLICY acting_all ON care_plan_items TO carehub_manager
    USING (client_id IN (SELECT id FROM clients)) WITH CHECK (client_id IN (SELECT id FROM clients));
CREATE POLICY practitioner_read ON care_plan_items FOR SELECT TO carehub_practitioner
    USING (client_id = ANY ((SELECT carehub_record_clients('care_plan'))::bigint[]));
CREATE POLICY practitioner_insert ON care_plan_items FOR INSERT TO carehub_practitioner
    WITH CHECK (client_id = ANY ((SELECT carehub_record_clients('care_plan+write'))::bigint[]));
CREATE POLICY practitioner_update ON care_plan_items FOR UPDATE TO carehub_practitioner
    USING (client_id = ANY ((SELECT carehub_record_clients('care_plan+write'))::bigint[]))
    WITH CHECK (client_id = ANY ((SELECT carehub_record_clients('care_plan+write'))::bigint[]));
CREATE POLICY practitioner_delete ON care_plan_items FOR DELETE TO carehub_practitioner
    USING (client_id = ANY ((SELECT carehub_record_clients('care_plan+write'))::bigint[]));
-- An item stays with its person: `client_id` is not among the columns an update may set.
GRANT SELECT, INSERT, DELETE ON care_plan_items TO carehub_manager, carehub_practitioner;
GRANT UPDATE (position, kind, call_label, description, review_on) ON care_plan_items TO carehub_manager, carehub_practitioner;

-- Keyed by client and item ("client id/item id"), so that `carehub audit --client` finds the
-- entries of items since replaced, which no longer exist to be looked up.
CREATE TRIGGER audit_insert AFTER INSERT ON care_plan_items REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes('client_id', 'id');
CREATE TRIGGER audit_update AFTER UPDATE ON care_plan_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes('client_id', 'id');
CREATE TRIGGER audit_delete AFTER DELETE ON care_plan_items REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes('client_id', 'id');

-- A read of a person's care plan (`carehub plan show`, the web's record page), recorded like a
-- record read, and only for a person whose plan the reader reaches.
CREATE FUNCTION carehub_record_care_plan_read(p_client bigint) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO audit_log (person_id, action, table_name, row_key, client_id)
    SELECT carehub_acting_recorded(), 'read', 'care_plan_items', c.id::text, c.id
    FROM clients c
    WHERE c.id = p_client
      AND (carehub_acting_recorded() IS NULL OR c.id = ANY (carehub_person_reach(carehub_acting_recorded(), 'care_plan')))
$$;
REVOKE ALL ON FUNCTION carehub_record_care_plan_read(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_record_care_plan_read(bigint) TO carehub_manager, carehub_practitioner;

-- What a carer's own link shows of care plans: for each of their visits in a published roster
-- that starts from two hours ago (a visit under way) to 24 hours ahead, the client's access notes
-- and the tasks of that call, in the plan's order. Nothing of visits further ahead, nothing of
-- outcomes, risks or notes, nothing for an unknown or revoked token. Each person whose plan is
-- read this way has the read in their audit trail (under the link: no person signs in).
CREATE FUNCTION carehub_carer_link_tasks(p_token text)
RETURNS TABLE (visit text, client text, starts_at timestamptz, kind text, description text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE
    v_link bigint;
    v_carer bigint;
BEGIN
    SELECT l.link_id, l.carer_id INTO v_link, v_carer FROM carehub_carer_link_live(p_token) l;
    IF v_link IS NULL THEN
        RETURN;
    END IF;
    -- One statement: the log of each person's read (a data-modifying WITH runs whatever the
    -- outer query reads) and the rows themselves.
    RETURN QUERY
    WITH link_tasks AS (
        SELECT v.id AS visit_id, v.client_id, c.external_id, a.starts_at, i.kind, i.description, i.position
        FROM roster_assignments a JOIN rosters r ON r.id = a.roster_id AND r.status = 'published'
        JOIN visits v ON v.id = a.visit_id AND v.status <> 'cancelled' JOIN clients c ON c.id = v.client_id
        LEFT JOIN package_visits pv ON pv.id = v.package_visit_id
        JOIN care_plan_items i ON i.client_id = v.client_id AND i.kind <> 'outcome'
             AND (i.call_label IS NULL OR i.call_label = pv.call_label)
        WHERE a.carer_id = v_carer AND a.starts_at >= now() - interval '2 hours' AND a.starts_at < now() + interval '24 hours'
    ), logged AS (
        INSERT INTO audit_log (action, table_name, row_key, client_id)
        SELECT DISTINCT 'carer-link-read', 'care_plan_items', v_link::text, t.client_id FROM link_tasks t
        RETURNING 1
    )
    SELECT t.visit_id::text, t.external_id, t.starts_at, t.kind, t.description FROM link_tasks t
    ORDER BY t.starts_at, t.visit_id, t.kind <> 'access', t.position;
END $$;
REVOKE ALL ON FUNCTION carehub_carer_link_tasks(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_carer_link_tasks(text) TO carehub_carer_link;
