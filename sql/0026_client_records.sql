-- Issue 15, first part: the shared record of a person beside what planning holds in `clients`
-- (name, postcode, date of birth): NHS number, address, next of kin, GP practice, communication
-- needs, "what matters to me", the risks every visitor must know, and consent to share between
-- health and social care (what it covers, who recorded it, when).
--
-- Access, as for a client: a manager of the client's hub reads and writes (row-level security
-- through `clients`); no other role has any privilege. Every write is in `audit_log` by trigger;
-- every read through carehub (`ClientRecordRepository.record`, behind `carehub record show`)
-- records itself with `carehub_record_client_record_read` in the same transaction as the read.
-- The NHS number is unique across the county: a number already held for a person of another hub
-- is refused ("duplicates an existing row"), which tells the manager the number is known
-- elsewhere; one person should be one client, and an admin resolves such a clash.

-- The NHS number's modulus-11 check digit (weights 10…2 over the first nine digits; 11 means 0;
-- 10 is never issued). The same rule as CareModel's `NHSNumber`, so the database refuses what
-- the importer would.
CREATE FUNCTION carehub_nhs_number_valid(p_number text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT p_number ~ '^[0-9]{10}$' AND (
        SELECT CASE 11 - sum(substr(p_number, i, 1)::int * (11 - i)) % 11
                   WHEN 11 THEN 0 WHEN 10 THEN -1 ELSE 11 - sum(substr(p_number, i, 1)::int * (11 - i)) % 11 END
        FROM generate_series(1, 9) AS i
    ) = substr(p_number, 10, 1)::int
$$;

CREATE TABLE client_records (
    client_id             bigint PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
    nhs_number            text UNIQUE CHECK (carehub_nhs_number_valid(nhs_number)),
    address               text NOT NULL DEFAULT '',
    next_of_kin           text NOT NULL DEFAULT '',
    gp_practice           text NOT NULL DEFAULT '',
    communication_needs   text NOT NULL DEFAULT '',
    what_matters          text NOT NULL DEFAULT '',
    risk_falls            boolean NOT NULL DEFAULT false,
    risk_hoist            boolean NOT NULL DEFAULT false,
    allergies             text NOT NULL DEFAULT '',
    dnacpr_location       text CHECK (dnacpr_location IS NULL OR btrim(dnacpr_location) <> ''),
    consent_covers        text[] CHECK (consent_covers <@ ARRAY['record', 'care_plan', 'notes'] AND cardinality(consent_covers) > 0),
    consent_recorded_by   text CHECK (consent_recorded_by IS NULL OR btrim(consent_recorded_by) <> ''),
    consent_recorded_on   date,
    updated_at            timestamptz NOT NULL DEFAULT now(),
    -- A consent is whole (what, who, when) or absent.
    CHECK ((consent_covers IS NULL) = (consent_recorded_by IS NULL) AND (consent_covers IS NULL) = (consent_recorded_on IS NULL))
);

REVOKE ALL ON client_records FROM PUBLIC;
ALTER TABLE client_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE client_records FORCE ROW LEVEL SECURITY;
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_all ON client_records TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
CREATE POLICY acting_read ON client_records FOR SELECT TO carehub_manager USING (client_id IN (SELECT id FROM clients));
CREATE POLICY acting_insert ON client_records FOR INSERT TO carehub_manager WITH CHECK (client_id IN (SELECT id FROM clients));
CREATE POLICY acting_update ON client_records FOR UPDATE TO carehub_manager
    USING (client_id IN (SELECT id FROM clients)) WITH CHECK (client_id IN (SELECT id FROM clients));
CREATE POLICY acting_delete ON client_records FOR DELETE TO carehub_manager USING (client_id IN (SELECT id FROM clients));
GRANT SELECT, INSERT, UPDATE, DELETE ON client_records TO carehub_manager;

CREATE TRIGGER audit_insert AFTER INSERT ON client_records REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes('client_id');
CREATE TRIGGER audit_update AFTER UPDATE ON client_records REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes('client_id');
CREATE TRIGGER audit_delete AFTER DELETE ON client_records REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes('client_id');

-- A person read one client's shared record (`carehub record show`): recorded against
-- `client_records`, so "who looked at this record" tells a record read from a roster read.
-- Only for a client of the acting person's hubs (any client for the administration login), so
-- no one can write read entries against other hubs' people. The hubs come from `person_hubs`
-- for the declared person: inside this definer function `current_user` is the owner, so the
-- invoker wrappers (`carehub_person_hubs`) would see no one acting.
CREATE FUNCTION carehub_record_client_record_read(p_client bigint) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO audit_log (person_id, action, table_name, row_key, client_id)
    SELECT carehub_acting_recorded(), 'read', 'client_records', c.id::text, c.id
    FROM clients c
    WHERE c.id = p_client AND (carehub_acting_recorded() IS NULL
                               OR c.hub_id IN (SELECT ph.hub_id FROM person_hubs ph WHERE ph.person_id = carehub_acting_recorded()))
$$;
REVOKE ALL ON FUNCTION carehub_record_client_record_read(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_record_client_record_read(bigint) TO carehub_manager;
