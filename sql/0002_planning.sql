-- 0002: what weekly planning needs beyond schema v1.
-- Forward-only: never edit once applied; add 0003_….sql instead.

-- Days a client is away (in hospital, respite, on holiday): no visits are planned then.
CREATE TABLE client_absences (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id  bigint NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    starts_on  date NOT NULL,
    ends_on    date NOT NULL,  -- last day away
    reason     text NOT NULL DEFAULT 'hospital' CHECK (reason IN ('hospital', 'respite', 'holiday', 'other')),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on >= starts_on)
);
CREATE INDEX client_absences_client_idx ON client_absences (client_id, starts_on);

-- The exact carehub.problem/1 and carehub.roster/1 documents behind each roster version, so
-- any run can be replayed, and a draft can be recognised as stale when the data it was made
-- from has changed since (the problem rebuilt today differs from the one stored).
CREATE TABLE roster_files (
    roster_id  bigint PRIMARY KEY REFERENCES rosters (id) ON DELETE CASCADE,
    problem    text NOT NULL,
    roster     text NOT NULL
);

-- Published and superseded rosters are immutable: only a draft changes, and the one change
-- allowed afterwards is published → superseded. Enforced here so no code path can forget it.
CREATE FUNCTION carehub_roster_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'draft' THEN
        RETURN NEW;
    END IF;
    IF OLD.status = 'published' AND NEW.status = 'superseded'
       AND (NEW.hub_id, NEW.iso_week, NEW.version, NEW.seed, NEW.settings, NEW.objective, NEW.published_at)
           IS NOT DISTINCT FROM (OLD.hub_id, OLD.iso_week, OLD.version, OLD.seed, OLD.settings, OLD.objective, OLD.published_at) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'a % roster cannot change', OLD.status USING ERRCODE = '55000';
END $$;
CREATE TRIGGER rosters_immutable BEFORE UPDATE ON rosters FOR EACH ROW EXECUTE FUNCTION carehub_roster_immutable();

CREATE FUNCTION carehub_roster_rows_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    state text;
BEGIN
    SELECT status INTO state FROM rosters WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.roster_id ELSE NEW.roster_id END;
    IF state IS NOT NULL AND state <> 'draft' THEN
        RAISE EXCEPTION 'the rows of a % roster cannot change', state USING ERRCODE = '55000';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER roster_assignments_immutable BEFORE INSERT OR UPDATE OR DELETE ON roster_assignments
    FOR EACH ROW EXECUTE FUNCTION carehub_roster_rows_immutable();
CREATE TRIGGER roster_unassigned_immutable BEFORE INSERT OR UPDATE OR DELETE ON roster_unassigned
    FOR EACH ROW EXECUTE FUNCTION carehub_roster_rows_immutable();
CREATE TRIGGER roster_files_immutable BEFORE INSERT OR UPDATE OR DELETE ON roster_files
    FOR EACH ROW EXECUTE FUNCTION carehub_roster_rows_immutable();
