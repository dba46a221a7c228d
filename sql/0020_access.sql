-- Who may see what. People who sign in, five group roles with the least each needs, hub
-- isolation by row-level security, and an append-only audit trail of writes and record reads.
--
-- How acting works. The application connects as the administration login (the owner that runs
-- these migrations). With no one acting it sees every row, so migrations, `scripts/demo` and
-- administration work as before. To act for a person, at the start of each transaction the
-- application calls carehub_act_as(person id), which checks the person is active and records
-- (backend pid, transaction id) -> person in carehub_acting, a table only the owner can write,
-- then runs SET LOCAL ROLE to the person's group role. Policies read carehub_person_id(), which
-- looks that row up for this backend and this transaction, re-checks `active` and checks that
-- the role in effect is the person's: a statement cannot forge who is acting with set_config,
-- a person disabled mid-session loses access at their next transaction, and acting ends with
-- the transaction.
--
-- Residual trust, said plainly: the login that may call carehub_act_as (EXECUTE is not granted
-- to any group role) chooses who acts, and while acting could RESET ROLE back to itself; it is
-- the administration login, and whoever holds its credentials can see everything. What the
-- application runs while acting is bound by the privileges and policies below. A superuser can
-- still disable triggers or drop tables; the audit log is append-only against everyone else.
--
-- Tables deliberately not hub-scoped (no row-level security):
--   hubs            names and coordinates of the hubs, read by every role, written by admin;
--   anchors         national published figures; pay_floors statutory pay rates: public data;
--   roster_documents content-addressed problem/roster files: not hub-scoped by a column, but
--                   readable only through a visible roster_files row (policy below);
--   people, person_hubs  staff accounts: privileges only (admin and the owner);
--   audit_log       read by admin, written only by triggers and SECURITY DEFINER functions;
--   carehub_acting  the owner's bookkeeping of who acts; no group role has any privilege;
--   schema_migrations  administration only.
-- visit_outcome_days and rebalance_events are hub-scoped by RLS but not audited: both are
-- written by triggers from visits/carers/packages, whose writes are audited already.

-- Group roles are cluster-wide while test databases migrate in parallel on one cluster, so each
-- is created only when missing and a concurrent creator's duplicate is ignored. The migrating
-- login is made a member so that it can SET ROLE to each.
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['carehub_manager', 'carehub_hr', 'carehub_commissioner', 'carehub_scheduler', 'carehub_admin'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
        IF NOT pg_has_role(current_user, r, 'MEMBER') THEN
            BEGIN
                EXECUTE format('GRANT %I TO %I', r, current_user);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
END $$;

-- Staff who sign in. E-mail is unique whatever its case; the hash is an argon2id encoded string
-- (salt and parameters inside it), set by `carehub people password`.
CREATE TABLE people (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text NOT NULL CHECK (btrim(name) <> ''),
    email         text NOT NULL CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    role          text NOT NULL CHECK (role IN ('manager', 'hr', 'commissioner', 'scheduler', 'admin')),
    active        boolean NOT NULL DEFAULT true,
    password_hash text CHECK (password_hash LIKE '$argon2id$%'),
    created_at    timestamptz NOT NULL DEFAULT now(),
    disabled_at   timestamptz,
    CONSTRAINT people_disabled_check CHECK (active = (disabled_at IS NULL))
);
CREATE UNIQUE INDEX people_email_key ON people (lower(email));

CREATE TABLE person_hubs (
    person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    hub_id    bigint NOT NULL REFERENCES hubs (id),
    PRIMARY KEY (person_id, hub_id)
);

-- Who acts in which transaction of which backend. UNLOGGED: it is worthless after a crash,
-- when every transaction it names has ended.
CREATE UNLOGGED TABLE carehub_acting (
    backend_pid integer PRIMARY KEY,
    txid        bigint NOT NULL,
    person_id   bigint NOT NULL
);
REVOKE ALL ON carehub_acting FROM PUBLIC;

-- Called by the application at the start of a transaction; returns the group role to SET.
CREATE FUNCTION carehub_act_as(p_person bigint) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_role text;
BEGIN
    SELECT role INTO v_role FROM people WHERE id = p_person AND active;
    IF v_role IS NULL THEN
        RAISE EXCEPTION 'that person is not an active carehub user' USING ERRCODE = '42501';
    END IF;
    INSERT INTO carehub_acting (backend_pid, txid, person_id) VALUES (pg_backend_pid(), txid_current(), p_person)
    ON CONFLICT (backend_pid) DO UPDATE SET txid = EXCLUDED.txid, person_id = EXCLUDED.person_id;
    RETURN 'carehub_' || v_role;
END $$;
REVOKE ALL ON FUNCTION carehub_act_as(bigint) FROM PUBLIC;

-- The acting person of this backend's current transaction if they are active and `p_role` (the
-- caller's current_user, passed by the invoker wrapper below, because inside SECURITY DEFINER
-- current_user is the owner) is their group role; else NULL. Passing another role name can
-- only lose access, never gain it: the person is fixed by carehub_acting.
CREATE FUNCTION carehub_acting_person(p_role name) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT a.person_id FROM carehub_acting a JOIN people p ON p.id = a.person_id
    WHERE a.backend_pid = pg_backend_pid() AND a.txid = txid_current() AND p.active AND 'carehub_' || p.role = p_role
$$;

CREATE FUNCTION carehub_acting_hubs(p_role name) RETURNS bigint[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT coalesce(array_agg(hub_id), '{}') FROM person_hubs WHERE person_id = carehub_acting_person(p_role)
$$;

-- Carers of other hubs lent to the acting person's hubs. A function, not a subquery in the
-- carers policy: carer_lendable_hubs' own policy reads carers, which would recurse.
CREATE FUNCTION carehub_acting_lent_carers(p_role name) RETURNS bigint[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT coalesce(array_agg(DISTINCT carer_id), '{}') FROM carer_lendable_hubs WHERE hub_id = ANY (carehub_acting_hubs(p_role))
$$;

-- Who acts for attribution in the audit log: the declared person whatever role is in effect.
CREATE FUNCTION carehub_acting_recorded() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT person_id FROM carehub_acting WHERE backend_pid = pg_backend_pid() AND txid = txid_current()
$$;

REVOKE ALL ON FUNCTION carehub_acting_person(name), carehub_acting_hubs(name), carehub_acting_lent_carers(name),
    carehub_acting_recorded() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_acting_person(name), carehub_acting_hubs(name), carehub_acting_lent_carers(name)
    TO carehub_manager, carehub_hr, carehub_commissioner, carehub_scheduler, carehub_admin;

-- Invoker wrappers: here current_user is the role in effect. Policies call them as
-- `(SELECT …)` so they run once per statement, not once per row.
CREATE FUNCTION carehub_person_id() RETURNS bigint
LANGUAGE sql STABLE AS $$ SELECT carehub_acting_person(current_user) $$;
CREATE FUNCTION carehub_person_hubs() RETURNS bigint[]
LANGUAGE sql STABLE AS $$ SELECT carehub_acting_hubs(current_user) $$;
CREATE FUNCTION carehub_lent_carers() RETURNS bigint[]
LANGUAGE sql STABLE AS $$ SELECT carehub_acting_lent_carers(current_user) $$;

-- Audit: append-only. `db_user` is the login that connected; `person_id` the person acting.
CREATE TABLE audit_log (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at              timestamptz NOT NULL DEFAULT now(),
    person_id       bigint,
    db_user         text NOT NULL DEFAULT session_user,
    action          text NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'read')),
    table_name      text NOT NULL,
    row_key         text,
    changed_columns text[],
    client_id       bigint
);
CREATE INDEX audit_log_client_idx ON audit_log (client_id, at) WHERE client_id IS NOT NULL;
CREATE INDEX audit_log_person_idx ON audit_log (person_id, at);
REVOKE ALL ON audit_log FROM PUBLIC;

-- Refuses every change to the audit log, the owner's included (triggers fire for the owner).
CREATE FUNCTION carehub_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = '42501';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION carehub_audit_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_append_only();

-- One INSERT … SELECT per statement over the transition tables: the county writes tens of
-- thousands of visits a week, so no per-row trigger. TG_ARGV names the key columns. Updates
-- record the names (never the values) of the columns whose values changed, compared column by
-- column in SQL built from the catalogue (comparing rows as jsonb was 2-3 times slower); an
-- update that changed nothing (an upsert of the same row) is not recorded.
CREATE FUNCTION carehub_audit_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_person bigint := carehub_acting_recorded();
    v_key text;
    v_join text;
    v_changed text;
BEGIN
    SELECT 'concat_ws(''/'', ' || string_agg(format('r.%I', k), ', ') || ')', string_agg(format('n.%1$I = o.%1$I', k), ' AND ')
    INTO v_key, v_join FROM unnest(TG_ARGV) AS k;
    IF TG_OP = 'INSERT' THEN
        EXECUTE format('INSERT INTO audit_log (person_id, action, table_name, row_key) SELECT $1, ''insert'', $2, %s FROM new_rows r', v_key)
            USING v_person, TG_TABLE_NAME;
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE format('INSERT INTO audit_log (person_id, action, table_name, row_key) SELECT $1, ''delete'', $2, %s FROM old_rows r', v_key)
            USING v_person, TG_TABLE_NAME;
    ELSE
        SELECT string_agg(format('CASE WHEN n.%1$I IS DISTINCT FROM o.%1$I THEN %1$L END', attname), ', ' ORDER BY attnum)
        INTO v_changed
        FROM pg_attribute WHERE attrelid = TG_RELID AND attnum > 0 AND NOT attisdropped AND attname <> 'updated_at';
        EXECUTE format('INSERT INTO audit_log (person_id, action, table_name, row_key, changed_columns)
                        SELECT $1, ''update'', $2, %s, c.cols
                        FROM new_rows n JOIN old_rows o ON %s
                        CROSS JOIN LATERAL (SELECT array_remove(ARRAY[%s]::text[], NULL) AS cols) c
                        WHERE cardinality(c.cols) > 0', replace(v_key, 'r.', 'n.'), v_join, v_changed)
            USING v_person, TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION carehub_audit_changes() FROM PUBLIC;

-- A person read one client's record (the CLI's `roster show --client`, later the web's page).
CREATE FUNCTION carehub_record_client_read(p_client bigint) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO audit_log (person_id, action, table_name, row_key, client_id)
    VALUES (carehub_acting_recorded(), 'read', 'clients', p_client::text, p_client)
$$;
REVOKE ALL ON FUNCTION carehub_record_client_read(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_record_client_read(bigint) TO carehub_manager, carehub_scheduler;

-- The database id of a client by external id, for an admin answering "who looked at this
-- record" without any right to read clients.
CREATE FUNCTION carehub_client_id(p_external_id text) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT id FROM clients WHERE external_id = p_external_id
$$;
REVOKE ALL ON FUNCTION carehub_client_id(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_client_id(text) TO carehub_admin;

-- Row-level security. For each hub-scoped table: who reads, who writes, and the predicate.
-- `H` is the acting person's hubs; child tables reach their hub through their parent, whose
-- own policy applies inside the subquery. The owner gets one policy that sees everything (a
-- superuser owner bypasses RLS anyway; a non-superuser owner is held by FORCE otherwise).
CREATE FUNCTION pg_temp.carehub_scope(p_table text, p_readers text, p_writers text, p_read text, p_write text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', p_table);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', p_table);
    EXECUTE format('CREATE POLICY owner_all ON %I TO %I USING (true) WITH CHECK (true)', p_table, current_user);
    IF p_readers <> '' THEN
        EXECUTE format('CREATE POLICY acting_read ON %I FOR SELECT TO %s USING (%s)', p_table, p_readers, p_read);
        EXECUTE format('GRANT SELECT ON %I TO %s', p_table, p_readers);
    END IF;
    IF p_writers <> '' THEN
        EXECUTE format('CREATE POLICY acting_insert ON %I FOR INSERT TO %s WITH CHECK (%s)', p_table, p_writers, p_write);
        EXECUTE format('CREATE POLICY acting_update ON %I FOR UPDATE TO %s USING (%s) WITH CHECK (%s)', p_table, p_writers, p_write, p_write);
        EXECUTE format('CREATE POLICY acting_delete ON %I FOR DELETE TO %s USING (%s)', p_table, p_writers, p_write);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO %s', p_table, p_writers);
    END IF;
END $$;

DO $$
DECLARE
    h constant text := 'hub_id = ANY ((SELECT carehub_person_hubs())::bigint[])';
    own_carer constant text := 'carer_id IN (SELECT id FROM carers WHERE hub_id = ANY ((SELECT carehub_person_hubs())::bigint[]))';
    m constant text := 'carehub_manager';
    ms constant text := 'carehub_manager, carehub_scheduler';
    mhs constant text := 'carehub_manager, carehub_hr, carehub_scheduler';
    mh constant text := 'carehub_manager, carehub_hr';
BEGIN
    -- Carers: own hubs, plus (read only, not for HR) carers of other hubs lent to them.
    PERFORM pg_temp.carehub_scope('carers', ms, m, h || ' OR id = ANY ((SELECT carehub_lent_carers())::bigint[])', h);
    CREATE POLICY hr_read ON carers FOR SELECT TO carehub_hr USING (hub_id = ANY ((SELECT carehub_person_hubs())::bigint[]));
    GRANT SELECT ON carers TO carehub_hr;
    PERFORM pg_temp.carehub_scope('carer_skills', mhs, m, 'carer_id IN (SELECT id FROM carers)', own_carer);
    PERFORM pg_temp.carehub_scope('carer_shifts', mhs, m, 'carer_id IN (SELECT id FROM carers)', own_carer);
    PERFORM pg_temp.carehub_scope('absences', mhs, m, 'carer_id IN (SELECT id FROM carers)', own_carer);
    PERFORM pg_temp.carehub_scope('carer_lendable_hubs', mhs, m, 'carer_id IN (SELECT id FROM carers)', own_carer);
    -- Clients and their care: managers and the scheduler; never HR or commissioners.
    PERFORM pg_temp.carehub_scope('clients', ms, m, h, h);
    PERFORM pg_temp.carehub_scope('care_packages', ms, m, 'client_id IN (SELECT id FROM clients)', 'client_id IN (SELECT id FROM clients)');
    PERFORM pg_temp.carehub_scope('package_visits', ms, m, 'package_id IN (SELECT id FROM care_packages)', 'package_id IN (SELECT id FROM care_packages)');
    PERFORM pg_temp.carehub_scope('client_absences', ms, m, 'client_id IN (SELECT id FROM clients)', 'client_id IN (SELECT id FROM clients)');
    PERFORM pg_temp.carehub_scope('client_carer_relations', ms, m, 'client_id IN (SELECT id FROM clients)', 'client_id IN (SELECT id FROM clients)');
    PERFORM pg_temp.carehub_scope('visits', ms, m, 'client_id IN (SELECT id FROM clients)', 'client_id IN (SELECT id FROM clients)');
    PERFORM pg_temp.carehub_scope('visit_pins', ms, m, 'visit_id IN (SELECT id FROM visits)', 'visit_id IN (SELECT id FROM visits)');
    PERFORM pg_temp.carehub_scope('hospital_discharges', m, m, h, h);
    PERFORM pg_temp.carehub_scope('visit_outcome_days', m, m, h, h);
    -- Rosters: managers; the scheduler writes repaired versions, changes and the outbox.
    PERFORM pg_temp.carehub_scope('rosters', ms, ms, h, h);
    PERFORM pg_temp.carehub_scope('roster_assignments', ms, ms, 'roster_id IN (SELECT id FROM rosters)', 'roster_id IN (SELECT id FROM rosters)');
    PERFORM pg_temp.carehub_scope('roster_files', ms, ms, 'roster_id IN (SELECT id FROM rosters)', 'roster_id IN (SELECT id FROM rosters)');
    PERFORM pg_temp.carehub_scope('roster_unassigned', ms, ms, 'roster_id IN (SELECT id FROM rosters)', 'roster_id IN (SELECT id FROM rosters)');
    PERFORM pg_temp.carehub_scope('roster_changes', ms, ms, h, h);
    PERFORM pg_temp.carehub_scope('roster_outbox', ms, ms, h, h);
    -- Events are written by triggers on what managers change; the scheduler only reads them.
    PERFORM pg_temp.carehub_scope('rebalance_events', ms, m, h, h);
    PERFORM pg_temp.carehub_scope('rebalance_cursors', ms, ms, h, h);
    -- Workforce, recruitment and retention: HR and managers.
    PERFORM pg_temp.carehub_scope('employment_spells', mh, mh, h, h);
    PERFORM pg_temp.carehub_scope('leaving_events', mh, mh, 'spell_id IN (SELECT id FROM employment_spells)', 'spell_id IN (SELECT id FROM employment_spells)');
    PERFORM pg_temp.carehub_scope('vacancies', mh, mh, h, h);
    PERFORM pg_temp.carehub_scope('applications', mh, mh, 'vacancy_id IN (SELECT id FROM vacancies)', 'vacancy_id IN (SELECT id FROM vacancies)');
    PERFORM pg_temp.carehub_scope('recruitment_costs', mh, mh, h, h);
END $$;

-- Roster documents: readable through a visible roster_files row: the hub's own slice of a run over
-- several hubs (0019), never the whole run's documents, which hold the other hubs' clients; the
-- whole documents of a run of one hub. Roster writers add them through
-- carehub_store_document: INSERT … ON CONFLICT would have to pass the read policy before any
-- roster_files row names the new document. Content-addressed, so adding one reveals nothing
-- (the digest of an existing text is only its hash) and changes nothing.
ALTER TABLE roster_documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE roster_documents FORCE ROW LEVEL SECURITY;
DO $$ BEGIN
    EXECUTE format('CREATE POLICY owner_all ON roster_documents TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
CREATE POLICY acting_read ON roster_documents FOR SELECT TO carehub_manager, carehub_scheduler
    USING (digest IN (SELECT coalesce(hub_problem_digest, problem_digest) FROM roster_files
                      UNION ALL SELECT coalesce(hub_roster_digest, roster_digest) FROM roster_files));
GRANT SELECT ON roster_documents TO carehub_manager, carehub_scheduler;

-- Stores a document once (kept if the same text is there already) and returns its digest,
-- computed by the server so that client and database cannot disagree.
CREATE FUNCTION carehub_store_document(p_body text) RETURNS text
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH named AS (SELECT encode(sha256(convert_to(p_body, 'UTF8')), 'hex') AS digest),
         stored AS (INSERT INTO roster_documents (digest, body) SELECT digest, p_body FROM named ON CONFLICT (digest) DO NOTHING)
    SELECT digest FROM named
$$;
REVOKE ALL ON FUNCTION carehub_store_document(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_store_document(text) TO carehub_manager, carehub_scheduler;

-- Reference data every role reads.
GRANT SELECT ON hubs, anchors, pay_floors TO carehub_manager, carehub_hr, carehub_commissioner, carehub_scheduler, carehub_admin;
GRANT INSERT, UPDATE ON hubs TO carehub_admin;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO carehub_manager, carehub_hr, carehub_scheduler, carehub_admin;

-- Report views run with the reader's rights (PostgreSQL 15+), so policies apply through them.
DO $$ BEGIN
    IF current_setting('server_version_num')::int >= 150000 THEN
        ALTER VIEW carehub_direct_spells SET (security_invoker = true);
        ALTER VIEW carehub_packages SET (security_invoker = true);
        ALTER VIEW carehub_visit_outcomes SET (security_invoker = true);
        GRANT SELECT ON carehub_direct_spells TO carehub_manager, carehub_hr;
        GRANT SELECT ON carehub_packages, carehub_visit_outcomes TO carehub_manager;
    END IF;
END $$;

-- Admin: people, their hubs, hubs and migrations; never a password hash (column grants).
GRANT SELECT (id, name, email, role, active, created_at, disabled_at) ON people TO carehub_admin;
GRANT INSERT, UPDATE ON people TO carehub_admin;
GRANT SELECT, INSERT, DELETE ON person_hubs TO carehub_admin;
GRANT SELECT ON audit_log, schema_migrations TO carehub_admin;

-- These grants hold only while an active admin acts: the role set by hand gives nothing.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['people', 'person_hubs', 'audit_log'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY owner_all ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
        EXECUTE format('CREATE POLICY admin_acting ON %I TO carehub_admin USING ((SELECT carehub_person_id()) IS NOT NULL)
                        WITH CHECK ((SELECT carehub_person_id()) IS NOT NULL)', t);
    END LOOP;
END $$;

-- Audit triggers on every hub-scoped table and on people.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES
        ('carers', 'id'), ('carer_skills', 'carer_id, skill'), ('carer_shifts', 'id'), ('absences', 'id'),
        ('carer_lendable_hubs', 'carer_id, hub_id'), ('clients', 'id'), ('care_packages', 'id'), ('package_visits', 'id'),
        ('client_absences', 'id'), ('client_carer_relations', 'client_id, carer_id, relation'), ('visits', 'id'),
        ('visit_pins', 'visit_id'), ('hospital_discharges', 'id'), ('rosters', 'id'),
        ('roster_assignments', 'roster_id, visit_id, carer_id'), ('roster_files', 'roster_id'), ('roster_documents', 'digest'),
        ('roster_unassigned', 'roster_id, visit_id'), ('roster_changes', 'id'), ('roster_outbox', 'id'),
        ('rebalance_cursors', 'hub_id'), ('employment_spells', 'id'), ('leaving_events', 'spell_id'), ('vacancies', 'id'),
        ('applications', 'id'), ('recruitment_costs', 'id'), ('people', 'id'), ('person_hubs', 'person_id, hub_id')
    ) AS v (name, keys) LOOP
        EXECUTE format('CREATE TRIGGER audit_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes(%s)', t.name, t.keys);
        EXECUTE format('CREATE TRIGGER audit_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes(%s)', t.name, t.keys);
        EXECUTE format('CREATE TRIGGER audit_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes(%s)', t.name, t.keys);
    END LOOP;
END $$;

-- Commissioners see no rows: only this summary, which runs with the owner's rights and shows
-- counts from 1 to 4 as NULL (suppressed), as NHS England's small-number rules do, so that no
-- one can be singled out in a small hub; hours are shown only beside a count that is shown.
CREATE FUNCTION carehub_suppress_small(n bigint) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN n BETWEEN 1 AND 4 THEN NULL ELSE coalesce(n, 0) END $$;

CREATE FUNCTION carehub_commissioning_summary(p_from date, p_to date)
RETURNS TABLE (hub text, people_supported bigint, visits_delivered bigint, hours_delivered numeric,
               hours_commissioned_weekly numeric, people_waiting bigint, home_first_discharges bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH v AS (
        SELECT cl.hub_id, count(DISTINCT v.client_id) AS people, count(*) FILTER (WHERE v.status = 'delivered') AS delivered,
               sum(coalesce(v.actual_minutes, v.duration_minutes) * v.carers_needed) FILTER (WHERE v.status = 'delivered') / 60.0 AS hours
        FROM visits v JOIN clients cl ON cl.id = v.client_id
        WHERE v.local_date BETWEEN p_from AND p_to GROUP BY cl.hub_id
    ), p AS (
        -- carehub_packages: commissioned hours a week, else the package's own calls (0015).
        SELECT p.hub_id,
               sum(p.hours) FILTER (WHERE p.valid_from <= p_to AND (p.valid_to IS NULL OR p.valid_to >= p_from)) AS weekly,
               count(DISTINCT p.client_id) FILTER (WHERE p.requested_on <= p_to AND (p.valid_from IS NULL OR p.valid_from > p_to)
                                                   AND p.valid_to IS NULL) AS waiting
        FROM carehub_packages p GROUP BY p.hub_id
    ), d AS (
        SELECT hub_id, count(*) AS n FROM hospital_discharges WHERE discharge_date BETWEEN p_from AND p_to GROUP BY hub_id
    )
    SELECT h.code,
           carehub_suppress_small(v.people),
           carehub_suppress_small(v.delivered),
           CASE WHEN carehub_suppress_small(v.people) IS NOT NULL THEN round(coalesce(v.hours, 0), 1) END,
           CASE WHEN carehub_suppress_small(v.people) IS NOT NULL THEN round(coalesce(p.weekly, 0), 1) END,
           carehub_suppress_small(p.waiting),
           carehub_suppress_small(d.n)
    FROM hubs h LEFT JOIN v ON v.hub_id = h.id LEFT JOIN p ON p.hub_id = h.id LEFT JOIN d ON d.hub_id = h.id
    ORDER BY h.code
$$;
REVOKE ALL ON FUNCTION carehub_commissioning_summary(date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_commissioning_summary(date, date) TO carehub_commissioner, carehub_manager, carehub_admin;
