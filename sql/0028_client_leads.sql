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

CREATE FUNCTION carehub_lead_assigned_by() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    NEW.assigned_by := carehub_acting_recorded();
    NEW.led_from := now();
    NEW.led_until := NULL;
    IF NOT EXISTS (SELECT 1 FROM person_hubs ph JOIN clients c ON c.hub_id = ph.hub_id WHERE c.id = NEW.client_id AND ph.person_id = NEW.person_id)
    THEN
        RAISE EXCEPTION 'a lead must be a member of staff of the person''s hub'
            USING ERRCODE = '23514', TABLE = 'client_leads', CONSTRAINT = 'client_leads_hub_staff';
    END IF;
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION carehub_lead_assigned_by() FROM PUBLIC;
CREATE TRIGGER client_leads_assigned_by BEFORE INSERT ON client_leads FOR EACH ROW EXECUTE FUNCTION carehub_lead_assigned_by();

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
-- have no privilege on `people` or `person_hubs`; this gives them e-mail, name, role and service
-- only, never password hashes or second factors. The administration login sees everyone's.
CREATE FUNCTION carehub_hub_staff()
RETURNS TABLE (id bigint, hub_id bigint, email text, name text, role text, service text, active boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT p.id, ph.hub_id, p.email, p.name, p.role, p.service, p.active
    FROM people p JOIN person_hubs ph ON ph.person_id = p.id
    WHERE carehub_acting_recorded() IS NULL
       OR ph.hub_id IN (SELECT mine.hub_id FROM person_hubs mine WHERE mine.person_id = carehub_acting_recorded())
$$;
REVOKE ALL ON FUNCTION carehub_hub_staff() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_hub_staff() TO carehub_manager;
