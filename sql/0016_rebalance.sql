-- 0016: rebalancing published rosters. Forward-only.
-- Triggers record, per hub, every change a published roster may have to answer to; a cursor per
-- hub says how far the last successful rebalance read. The outbox holds what changed for each
-- carer until a sender (SMS, app) takes it.

CREATE TABLE rebalance_events (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hub_id     bigint NOT NULL REFERENCES hubs (id) ON DELETE CASCADE,
    kind       text NOT NULL CHECK (kind IN ('absence', 'carer', 'visit', 'pin')),
    subject_id bigint,
    at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rebalance_events_hub_idx ON rebalance_events (hub_id, id);

CREATE TABLE rebalance_cursors (
    hub_id        bigint PRIMARY KEY REFERENCES hubs (id) ON DELETE CASCADE,
    last_event_id bigint NOT NULL DEFAULT 0,
    last_run_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE roster_outbox (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hub_id      bigint NOT NULL REFERENCES hubs (id),
    roster_id   bigint NOT NULL REFERENCES rosters (id) ON DELETE CASCADE,
    carer_id    bigint NOT NULL REFERENCES carers (id),
    payload     jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz
);
CREATE INDEX roster_outbox_unsent_idx ON roster_outbox (created_at) WHERE sent_at IS NULL;

-- Minutes between a change and the visit it changes: under 48 hours is short notice, which
-- payroll counts per carer.
ALTER TABLE roster_changes ADD COLUMN notice_minutes integer;

CREATE FUNCTION carehub_note_absence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO rebalance_events (hub_id, kind, subject_id)
    SELECT c.hub_id, 'absence', c.id FROM carers c WHERE c.id = coalesce(NEW.carer_id, OLD.carer_id);
    RETURN NULL;
END $$;
CREATE TRIGGER absences_rebalance AFTER INSERT OR UPDATE OR DELETE ON absences
    FOR EACH ROW EXECUTE FUNCTION carehub_note_absence();

CREATE FUNCTION carehub_note_carer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO rebalance_events (hub_id, kind, subject_id) VALUES (NEW.hub_id, 'carer', NEW.id);
    IF OLD.hub_id <> NEW.hub_id THEN
        INSERT INTO rebalance_events (hub_id, kind, subject_id) VALUES (OLD.hub_id, 'carer', NEW.id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER carers_rebalance AFTER UPDATE OF end_date, hub_id ON carers
    FOR EACH ROW WHEN (OLD.end_date IS DISTINCT FROM NEW.end_date OR OLD.hub_id IS DISTINCT FROM NEW.hub_id)
    EXECUTE FUNCTION carehub_note_carer();

-- Shift changes matter too: a carer's shifts are replaced by the shifts import.
CREATE FUNCTION carehub_note_shift() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO rebalance_events (hub_id, kind, subject_id)
    SELECT c.hub_id, 'carer', c.id FROM carers c WHERE c.id = coalesce(NEW.carer_id, OLD.carer_id);
    RETURN NULL;
END $$;
CREATE TRIGGER shifts_rebalance AFTER INSERT OR UPDATE OR DELETE ON carer_shifts
    FOR EACH ROW EXECUTE FUNCTION carehub_note_shift();

CREATE FUNCTION carehub_note_visit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO rebalance_events (hub_id, kind, subject_id)
    SELECT cl.hub_id, 'visit', NEW.id FROM clients cl WHERE cl.id = NEW.client_id;
    RETURN NULL;
END $$;
-- Outcomes (delivered, missed) change nothing ahead, so only planning changes are events.
CREATE TRIGGER visits_rebalance_insert AFTER INSERT ON visits
    FOR EACH ROW EXECUTE FUNCTION carehub_note_visit();
CREATE TRIGGER visits_rebalance_update AFTER UPDATE OF status, window_start, window_end, duration_minutes, skills, carers_needed ON visits
    FOR EACH ROW WHEN ((OLD.status, OLD.window_start, OLD.window_end, OLD.duration_minutes, OLD.skills, OLD.carers_needed)
                       IS DISTINCT FROM (NEW.status, NEW.window_start, NEW.window_end, NEW.duration_minutes, NEW.skills, NEW.carers_needed)
                       AND NEW.status NOT IN ('delivered', 'missed'))
    EXECUTE FUNCTION carehub_note_visit();

CREATE FUNCTION carehub_note_pin() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO rebalance_events (hub_id, kind, subject_id)
    SELECT cl.hub_id, 'pin', v.id FROM visits v JOIN clients cl ON cl.id = v.client_id WHERE v.id = coalesce(NEW.visit_id, OLD.visit_id);
    RETURN NULL;
END $$;
CREATE TRIGGER visit_pins_rebalance AFTER INSERT OR DELETE ON visit_pins
    FOR EACH ROW EXECUTE FUNCTION carehub_note_pin();
