-- Issue 15: the lead professional who carries each person between health and social care.
--
-- At most one lead at a time per person, a member of staff from either service (a carehub
-- person), with the history of who led when and who assigned them (set by the database). A
-- person with no lead, or whose lead has left or been disabled, is what `carehub lead list`
-- flags. `clients.lead_professional` stays as the free text an import gave.
-- Access as for the shared record: a manager of the client's hub reads and writes; nobody else.

CREATE TABLE client_leads (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id    bigint NOT NULL REFERENCES clients (id),
    person_id    bigint NOT NULL REFERENCES people (id),
    led_from     timestamptz NOT NULL DEFAULT now(),
    led_until    timestamptz,
    -- Who assigned them; NULL for the administration login. Set by the trigger below.
    assigned_by  bigint REFERENCES people (id),
    CHECK (led_until IS NULL OR led_until >= led_from)
);
CREATE UNIQUE INDEX client_leads_current_idx ON client_leads (client_id) WHERE led_until IS NULL;
CREATE INDEX client_leads_person_idx ON client_leads (person_id) WHERE led_until IS NULL;

-- A new spell: the checks every new row about a person starts with
-- (`carehub_require_new_row_of_own_hub`, migration 0027), now as its start, the acting person as who assigned it, and a lead who is an
-- active manager of the person's hub (the staff who work with people's records today; health
-- staff's own role is to come).
CREATE FUNCTION carehub_lead_insert() RETURNS trigger
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
        WHERE c.id = NEW.client_id AND ph.person_id = NEW.person_id AND p.active AND p.role = 'manager'
    ) THEN
        RAISE EXCEPTION 'a lead must be an active member of staff of the person''s hub'
            USING ERRCODE = '23514', TABLE = 'client_leads', CONSTRAINT = 'client_leads_hub_staff';
    END IF;
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION carehub_lead_insert() FROM PUBLIC;
CREATE TRIGGER client_leads_insert BEFORE INSERT ON client_leads FOR EACH ROW EXECUTE FUNCTION carehub_lead_insert();

-- Ending the current spell is the only change, and it ends now: an ended spell is history and
-- stays as it was, for the owner's statements too.
CREATE FUNCTION carehub_lead_end() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.led_until IS NOT NULL THEN
        RAISE EXCEPTION 'an ended spell is history and stays as it was' USING ERRCODE = '42501';
    END IF;
    NEW.led_until := now();
    RETURN NEW;
END $$;
CREATE TRIGGER client_leads_end BEFORE UPDATE ON client_leads FOR EACH ROW EXECUTE FUNCTION carehub_lead_end();

REVOKE ALL ON client_leads FROM PUBLIC;
ALTER TABLE client_leads ENABLE ROW LEVEL SECURITY;
ALTER TABLE client_leads FORCE ROW LEVEL SECURITY;
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_all ON client_leads TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
CREATE POLICY acting_read ON client_leads FOR SELECT TO carehub_manager USING (client_id IN (SELECT id FROM clients));
CREATE POLICY acting_insert ON client_leads FOR INSERT TO carehub_manager WITH CHECK (client_id IN (SELECT id FROM clients));
CREATE POLICY acting_update ON client_leads FOR UPDATE TO carehub_manager
    USING (client_id IN (SELECT id FROM clients)) WITH CHECK (client_id IN (SELECT id FROM clients));
GRANT SELECT, INSERT ON client_leads TO carehub_manager;
-- Ending a lead is the only change: the row's client, person and start stay as they were.
GRANT UPDATE (led_until) ON client_leads TO carehub_manager;

CREATE TRIGGER audit_insert AFTER INSERT ON client_leads REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes('id');
CREATE TRIGGER audit_update AFTER UPDATE ON client_leads REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes('id');
CREATE TRIGGER audit_delete AFTER DELETE ON client_leads REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes('id');

-- Staff a manager may name as a lead, or see named: the people of the acting person's hubs (any
-- role, either service), one row per shared hub, with whether they are still active. Managers
-- have no privilege on `people` or `person_hubs`; this gives them id, hub, e-mail, name, role and
-- service only, never password hashes or second factors. As the other policies do, it fails
-- closed: the invoker wrapper passes the role in effect, and no acting manager means no rows.
CREATE FUNCTION carehub_acting_staff(p_role name)
RETURNS TABLE (id bigint, hub_id bigint, email text, name text, role text, service text, active boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT p.id, ph.hub_id, p.email, p.name, p.role, p.service, p.active
    FROM people p JOIN person_hubs ph ON ph.person_id = p.id
    WHERE ph.hub_id = ANY (carehub_acting_hubs(p_role))
$$;
REVOKE ALL ON FUNCTION carehub_acting_staff(name) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_acting_staff(name) TO carehub_manager;
CREATE FUNCTION carehub_hub_staff()
RETURNS TABLE (id bigint, hub_id bigint, email text, name text, role text, service text, active boolean)
LANGUAGE sql STABLE AS $$ SELECT * FROM carehub_acting_staff(current_user) $$;

-- The ids of a person's lead spells, for an admin answering "who changed this record" (the audit
-- rows of leads are keyed by the spell) without any right to read them.
CREATE FUNCTION carehub_client_lead_ids(p_client bigint) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT id::text FROM client_leads WHERE client_id = p_client
$$;
REVOKE ALL ON FUNCTION carehub_client_lead_ids(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_client_lead_ids(bigint) TO carehub_admin;
