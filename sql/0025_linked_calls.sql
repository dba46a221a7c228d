-- Issue 14: "late rather than missed" and linked calls, per care package.
--
-- Each weekly call (package_visits) may allow its visit to start up to late_allowed_minutes after
-- its window ends (0–720; the roster reports the minutes late and the engine charges for them), or
-- be time-critical (never late; the two do not go together). A call may carry a label (`call`),
-- the same on every weekday it recurs ("am", "tea"), so that the package can link two of its calls:
-- package_links says the second call starts min_gap_minutes…max_gap_minutes after the first, and
-- optionally that no carer does both (a nurse after a carer's wash; paracetamol four hours after the
-- morning dose). Links name calls by label, so importing a package again (which replaces its
-- package_visits rows) keeps them.
--
-- `visits plan` copies late_allowed_minutes and time_critical onto each planned visit and writes a
-- visit_links row for each pair of linked calls planned on the same local date (the hub's time
-- zone; a link never spans midnight). visit_links is what the week's problem reads (`links`).
--
-- Row-level security and audit as for package_visits and visit_pins (0020): through the package's
-- or the visit's client, managers write and the scheduler reads.

ALTER TABLE package_visits
    ADD COLUMN call_label text CHECK (call_label ~ '^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$'),
    ADD COLUMN late_allowed_minutes integer NOT NULL DEFAULT 0 CHECK (late_allowed_minutes BETWEEN 0 AND 720),
    ADD COLUMN time_critical boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT package_visits_time_critical_check CHECK (NOT time_critical OR late_allowed_minutes = 0);
-- A label names one call per weekday.
CREATE UNIQUE INDEX package_visits_label_idx ON package_visits (package_id, weekday, call_label) WHERE call_label IS NOT NULL;

ALTER TABLE visits
    ADD COLUMN late_allowed_minutes integer NOT NULL DEFAULT 0 CHECK (late_allowed_minutes BETWEEN 0 AND 720),
    ADD COLUMN time_critical boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT visits_time_critical_check CHECK (NOT time_critical OR late_allowed_minutes = 0);

CREATE TABLE package_links (
    package_id        bigint NOT NULL REFERENCES care_packages (id) ON DELETE CASCADE,
    first_call        text NOT NULL CHECK (first_call ~ '^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$'),
    second_call       text NOT NULL CHECK (second_call ~ '^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$'),
    min_gap_minutes   integer NOT NULL CHECK (min_gap_minutes BETWEEN -10080 AND 10080),
    max_gap_minutes   integer NOT NULL CHECK (max_gap_minutes BETWEEN -10080 AND 10080),
    different_carers  boolean NOT NULL DEFAULT false,
    PRIMARY KEY (package_id, first_call, second_call),
    CHECK (first_call <> second_call),
    CHECK (min_gap_minutes <= max_gap_minutes)
);

CREATE TABLE visit_links (
    first_visit_id    bigint NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
    second_visit_id   bigint NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
    min_gap_minutes   integer NOT NULL CHECK (min_gap_minutes BETWEEN -10080 AND 10080),
    max_gap_minutes   integer NOT NULL CHECK (max_gap_minutes BETWEEN -10080 AND 10080),
    different_carers  boolean NOT NULL DEFAULT false,
    PRIMARY KEY (first_visit_id, second_visit_id),
    CHECK (first_visit_id <> second_visit_id),
    CHECK (min_gap_minutes <= max_gap_minutes)
);
CREATE INDEX visit_links_second_idx ON visit_links (second_visit_id);

-- The policies of 0020's carehub_scope (a pg_temp function of that migration's session), spelt out.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES
        ('package_links', 'package_id IN (SELECT id FROM care_packages)', 'package_id, first_call, second_call'),
        ('visit_links', 'first_visit_id IN (SELECT id FROM visits) AND second_visit_id IN (SELECT id FROM visits)',
         'first_visit_id, second_visit_id')
    ) AS v (name, scope, keys) LOOP
        EXECUTE format('REVOKE ALL ON %I FROM PUBLIC', t.name);
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.name);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.name);
        EXECUTE format('CREATE POLICY owner_all ON %I TO %I USING (true) WITH CHECK (true)', t.name, current_user);
        EXECUTE format('CREATE POLICY acting_read ON %I FOR SELECT TO carehub_manager, carehub_scheduler USING (%s)', t.name, t.scope);
        EXECUTE format('GRANT SELECT ON %I TO carehub_manager, carehub_scheduler', t.name);
        EXECUTE format('CREATE POLICY acting_insert ON %I FOR INSERT TO carehub_manager WITH CHECK (%s)', t.name, t.scope);
        EXECUTE format('CREATE POLICY acting_update ON %I FOR UPDATE TO carehub_manager USING (%s) WITH CHECK (%s)', t.name, t.scope, t.scope);
        EXECUTE format('CREATE POLICY acting_delete ON %I FOR DELETE TO carehub_manager USING (%s)', t.name, t.scope);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO carehub_manager', t.name);
        EXECUTE format('CREATE TRIGGER audit_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes(%s)', t.name, t.keys);
        EXECUTE format('CREATE TRIGGER audit_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes(%s)', t.name, t.keys);
        EXECUTE format('CREATE TRIGGER audit_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes(%s)', t.name, t.keys);
    END LOOP;
END $$;
