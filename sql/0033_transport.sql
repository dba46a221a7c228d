-- Issue 17: how each carer travels, and road travel times from OpenStreetMap.
--
-- carers.transport: car (the default), walk, cycle or public. hub_transport_modes: a hub's
-- speed and per-trip overhead for a mode (parking, locking a bike, the wait for a bus) and, for
-- public transport, the minutes of walking to and from the stops; a mode without a row takes
-- the defaults of docs/formats.md. A car's speed is not set here: straight-line travel keeps
-- the problem's speed, and a road network gives each road its own.
--
-- The road network lives in schema `travel`, with PostGIS and pgRouting, when the server has
-- them (Debian: postgresql-15-postgis-3 and postgresql-15-pgrouting; scripts/setup installs
-- them). Where it lacks them this migration creates the schema and the cache tables and says so
-- in one notice: `carehub travel load` then refuses with the packages to install. The network
-- tables (osm2pgrouting's ways, ways_vertices_pgr, configuration, pointsofinterest, and
-- carehub's edges and vertices per mode) are created by `carehub travel load`, which swaps a
-- whole new network in at once. They hold public map data: managers and the scheduler read
-- them, only the owner writes.
--
-- travel_vertex_minutes caches, per hub, road travel between network vertices by mode, from
-- `carehub travel matrix`: the hub's places (carers' and clients' homes) are snapped to their
-- nearest vertex when the minutes are computed and again when a week's problem is built, so a
-- place that moved snaps to a vertex whose pairs are routed next time, alone. Which vertices a
-- hub has minutes for tells roughly where its people live, so the rows are the hub's, under
-- row-level security like its carers and clients. Seconds are stored at the network's own
-- speeds (travel.network); a hub's walking, cycling and bus speeds scale them when read. A new
-- network empties it. Its rows are numbers derived from carers' and clients' homes, whose
-- writes are audited, and a run writes hundreds of thousands: each run is instead one audited
-- row of travel_matrix_runs (who computed which hub's minutes, for which mode, and when).

ALTER TABLE carers ADD COLUMN transport text NOT NULL DEFAULT 'car' CHECK (transport IN ('car', 'walk', 'cycle', 'public'));

CREATE TABLE hub_transport_modes (
    hub_id            bigint NOT NULL REFERENCES hubs (id) ON DELETE CASCADE,
    mode              text NOT NULL CHECK (mode IN ('car', 'walk', 'cycle', 'public')),
    speed_kmh         double precision CHECK (speed_kmh BETWEEN 1 AND 200),
    overhead_minutes  integer NOT NULL DEFAULT 0 CHECK (overhead_minutes BETWEEN 0 AND 120),
    access_minutes    integer NOT NULL DEFAULT 0 CHECK (access_minutes BETWEEN 0 AND 120),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (hub_id, mode),
    CHECK ((mode = 'car') = (speed_kmh IS NULL)),
    CHECK (mode = 'public' OR access_minutes = 0)
);

CREATE SCHEMA travel;
GRANT USAGE ON SCHEMA travel TO carehub_manager, carehub_scheduler, carehub_hr, carehub_commissioner, carehub_admin;
ALTER DEFAULT PRIVILEGES IN SCHEMA travel GRANT SELECT ON TABLES TO carehub_manager, carehub_scheduler;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'postgis')
       AND EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pgrouting') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA travel;
            CREATE EXTENSION IF NOT EXISTS pgrouting WITH SCHEMA travel;
        EXCEPTION WHEN insufficient_privilege THEN
            -- Neither extension is trusted: only a superuser creates them.
            RAISE NOTICE 'road travel: PostGIS and pgRouting need a superuser to create (CREATE EXTENSION postgis, pgrouting WITH SCHEMA travel); carehub travel load will refuse until then';
        END;
    ELSE
        RAISE NOTICE 'road travel: this server lacks PostGIS or pgRouting (postgresql-15-postgis-3, postgresql-15-pgrouting); carehub travel load will refuse until they are installed';
    END IF;
END $$;

-- The loaded network: one row, written by `carehub travel load`.
CREATE TABLE travel.network (
    only_row         boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    source_file      text NOT NULL,
    loaded_at        timestamptz NOT NULL DEFAULT now(),
    ways             integer NOT NULL,
    vertices         integer NOT NULL,
    -- The speeds the edges were costed at (km/h); cars drive each road's own speed.
    walk_kmh         double precision NOT NULL,
    cycle_kmh        double precision NOT NULL,
    public_kmh       double precision NOT NULL,
    -- A place farther than this from any vertex its mode may use is refused.
    max_snap_metres  double precision NOT NULL DEFAULT 1000 CHECK (max_snap_metres > 0)
);

GRANT SELECT ON travel.network TO carehub_manager, carehub_scheduler;

CREATE TABLE travel_vertex_minutes (
    hub_id       bigint NOT NULL REFERENCES hubs (id) ON DELETE CASCADE,
    mode         text NOT NULL CHECK (mode IN ('car', 'walk', 'cycle', 'public')),
    from_vertex  bigint NOT NULL,
    to_vertex    bigint NOT NULL,
    -- At the network's speeds; -1: no route (a walker cannot reach a client along roads they may use).
    seconds      double precision NOT NULL CHECK (seconds >= 0 OR seconds = -1),
    PRIMARY KEY (hub_id, mode, from_vertex, to_vertex)
);


-- One row per `carehub travel matrix` run and hub: who ran it, the mode, and what it did.
CREATE TABLE travel_matrix_runs (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hub_id       bigint NOT NULL REFERENCES hubs (id) ON DELETE CASCADE,
    mode         text NOT NULL CHECK (mode IN ('car', 'walk', 'cycle', 'public')),
    places       integer NOT NULL CHECK (places >= 0),
    recomputed   integer NOT NULL CHECK (recomputed >= 0),
    pairs        integer NOT NULL CHECK (pairs >= 0),
    seconds      double precision NOT NULL CHECK (seconds >= 0),
    run_at       timestamptz NOT NULL DEFAULT now(),
    -- The vertices whose every pair the hub then had: the next run routes only the others.
    vertices     bigint[] NOT NULL DEFAULT '{}'
);

-- Scoped as 0020 scopes carers and clients: managers write their hubs' rows, the scheduler
-- (which generates and repairs rosters) reads them.
DO $$
DECLARE
    h constant text := 'hub_id = ANY ((SELECT carehub_person_hubs())::bigint[])';
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES
        ('hub_transport_modes', h, 'hub_id, mode', true),
        ('travel_vertex_minutes', h, '', false),
        ('travel_matrix_runs', h, 'id', true)
    ) AS v (name, scope, keys, audited) LOOP
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
        IF t.audited THEN
            EXECUTE format('CREATE TRIGGER audit_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                            FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes(%s)', t.name, t.keys);
            EXECUTE format('CREATE TRIGGER audit_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                            FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes(%s)', t.name, t.keys);
            EXECUTE format('CREATE TRIGGER audit_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                            FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes(%s)', t.name, t.keys);
        END IF;
    END LOOP;
END $$;
GRANT USAGE ON SEQUENCE travel_matrix_runs_id_seq TO carehub_manager;
-- Minutes are added and updated, never deleted by hand: a run routes only the pairs its last
-- run's vertices lack, so a hole would stay (a hub's deletion cascades, as the owner). Runs are
-- records of what was done: added, never changed.
REVOKE DELETE ON travel_vertex_minutes FROM carehub_manager;
REVOKE UPDATE, DELETE ON travel_matrix_runs FROM carehub_manager;

-- A carer's own link (0023) hands them their slice of each published problem. A problem with
-- road travel names every carer and client of the hub in `travel.places` with the minutes
-- between their homes, and `links` may name other carers' visits: cut both down to the
-- carer's own carers, clients and visits, so the slice stays a valid problem and shows no one
-- else's.
CREATE FUNCTION carehub_slice_matrix(p_minutes jsonb, p_keep integer[]) RETURNS jsonb
LANGUAGE sql IMMUTABLE SET search_path = public, pg_temp AS $$
    SELECT coalesce(jsonb_agg((SELECT jsonb_agg(p_minutes -> a.i -> b.i ORDER BY b.o) FROM unnest(p_keep) WITH ORDINALITY AS b (i, o))
                              ORDER BY a.o), '[]'::jsonb)
    FROM unnest(p_keep) WITH ORDINALITY AS a (i, o)
$$;

CREATE FUNCTION carehub_carer_problem(p jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE SET search_path = public, pg_temp AS $$
    WITH visit_ids AS (SELECT v ->> 'id' AS id FROM jsonb_array_elements(p -> 'visits') AS v),
    place_ids AS (
        SELECT c ->> 'id' AS id FROM jsonb_array_elements(p -> 'carers') AS c
        UNION SELECT c ->> 'id' FROM jsonb_array_elements(p -> 'clients') AS c
    ), kept AS (
        SELECT (t.o - 1)::integer AS i, t.id FROM jsonb_array_elements_text(coalesce(p -> 'travel' -> 'places', '[]'::jsonb)) WITH ORDINALITY AS t (id, o)
        WHERE t.id IN (SELECT id FROM place_ids)
    )
    SELECT p
        || jsonb_build_object('links', coalesce((SELECT jsonb_agg(l) FROM jsonb_array_elements(coalesce(p -> 'links', '[]'::jsonb)) AS l
                                                 WHERE l ->> 'first' IN (SELECT id FROM visit_ids) AND l ->> 'second' IN (SELECT id FROM visit_ids)),
                                                '[]'::jsonb))
        || CASE WHEN p -> 'travel' ->> 'model' = 'matrix' THEN jsonb_build_object('travel', (p -> 'travel') || jsonb_build_object(
               'places', (SELECT coalesce(jsonb_agg(to_jsonb(k.id) ORDER BY k.i), '[]'::jsonb) FROM kept k),
               'minutes', carehub_slice_matrix(p -> 'travel' -> 'minutes', ARRAY(SELECT k.i FROM kept k ORDER BY k.i)),
               'minutes_by_mode', coalesce((SELECT jsonb_object_agg(m.key, carehub_slice_matrix(m.value, ARRAY(SELECT k.i FROM kept k ORDER BY k.i)))
                                            FROM jsonb_each(coalesce(p -> 'travel' -> 'minutes_by_mode', '{}'::jsonb)) AS m), '{}'::jsonb)))
           ELSE '{}'::jsonb END
$$;

CREATE OR REPLACE FUNCTION carehub_carer_link_week(p_token text)
RETURNS TABLE (carer text, carer_name text, hub text, iso_week text, version integer, published_at timestamptz,
               problem text, roster text, carer_names jsonb, client_names jsonb, client_areas jsonb)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE
    v_link bigint;
    v_carer bigint;
    v_external text;
    v_from date;
BEGIN
    SELECT l.link_id, l.carer_id, l.carer INTO v_link, v_carer, v_external FROM carehub_carer_link_live(p_token) l;
    IF v_link IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO audit_log (action, table_name, row_key) VALUES ('carer-link-read', 'rosters', v_link::text);
    -- From last week's Monday on; or, when nothing of theirs is published that recently, from
    -- their newest published week (between seasons the page still shows their last week).
    SELECT least(date_trunc('week', now())::date - 7, max(to_date(r.iso_week, 'IYYY-"W"IW'))) INTO v_from
    FROM rosters r
    WHERE r.status = 'published' AND EXISTS (SELECT 1 FROM roster_assignments a WHERE a.roster_id = r.id AND a.carer_id = v_carer);
    RETURN QUERY
    WITH published AS (
        SELECT r.id, h.code, r.iso_week, r.version, r.published_at,
               coalesce(f.problem, sp.body, wp.body)::jsonb AS p, coalesce(f.roster, sr.body, wr.body)::jsonb AS ro
        FROM rosters r JOIN hubs h ON h.id = r.hub_id JOIN roster_files f ON f.roster_id = r.id
        LEFT JOIN roster_documents wp ON wp.digest = f.problem_digest
        LEFT JOIN roster_documents wr ON wr.digest = f.roster_digest
        LEFT JOIN roster_documents sp ON sp.digest = f.hub_problem_digest
        LEFT JOIN roster_documents sr ON sr.digest = f.hub_roster_digest
        WHERE r.status = 'published' AND to_date(r.iso_week, 'IYYY-"W"IW') >= v_from
          AND EXISTS (SELECT 1 FROM roster_assignments a WHERE a.roster_id = r.id AND a.carer_id = v_carer)
    ), client_hubs AS (
        SELECT pub.id AS roster_id, c ->> 'id' AS client, c ->> 'hub' AS hub_code
        FROM published pub CROSS JOIN LATERAL jsonb_array_elements(pub.p -> 'clients') AS c
    ), hub_visits AS (
        -- The roster's own hub's visits: a run over several hubs lists the others' too.
        SELECT pub.id AS roster_id, v AS visit
        FROM published pub CROSS JOIN LATERAL jsonb_array_elements(pub.p -> 'visits') AS v
        JOIN client_hubs ch ON ch.roster_id = pub.id AND ch.client = v ->> 'client'
        WHERE ch.hub_code = pub.code
    ), assigned AS (
        SELECT pub.id AS roster_id, a AS assignment
        FROM published pub CROSS JOIN LATERAL jsonb_array_elements(pub.ro -> 'assignments') AS a
        WHERE a -> 'carers' ? v_external
          AND EXISTS (SELECT 1 FROM hub_visits hv WHERE hv.roster_id = pub.id AND hv.visit ->> 'id' = a ->> 'visit')
    ), my_visits AS (
        SELECT hv.roster_id, hv.visit || '{"pinned": []}'::jsonb AS visit
        FROM hub_visits hv
        WHERE EXISTS (SELECT 1 FROM assigned x WHERE x.roster_id = hv.roster_id AND x.assignment ->> 'visit' = hv.visit ->> 'id')
    ), my_clients AS (
        SELECT pub.id AS roster_id, c || '{"excluded_carers": [], "preferred_carers": []}'::jsonb AS client
        FROM published pub CROSS JOIN LATERAL jsonb_array_elements(pub.p -> 'clients') AS c
        WHERE EXISTS (SELECT 1 FROM my_visits x WHERE x.roster_id = pub.id AND x.visit ->> 'client' = c ->> 'id')
    )
    SELECT v_external, (SELECT k.given_name FROM carers k WHERE k.id = v_carer), pub.code, pub.iso_week, pub.version, pub.published_at,
           carehub_carer_problem(pub.p || jsonb_build_object(
                'carers', coalesce((SELECT jsonb_agg(c) FROM jsonb_array_elements(pub.p -> 'carers') AS c WHERE c ->> 'id' = v_external),
                                   '[]'::jsonb),
                'clients', coalesce((SELECT jsonb_agg(x.client) FROM my_clients x WHERE x.roster_id = pub.id), '[]'::jsonb),
                'visits', coalesce((SELECT jsonb_agg(x.visit) FROM my_visits x WHERE x.roster_id = pub.id), '[]'::jsonb)))::text,
           (pub.ro || jsonb_build_object(
                'assignments', coalesce((SELECT jsonb_agg(x.assignment) FROM assigned x WHERE x.roster_id = pub.id), '[]'::jsonb),
                'unassigned', '[]'::jsonb))::text,
           (SELECT coalesce(jsonb_object_agg(k.external_id, k.given_name || ' ' || k.family_name), '{}'::jsonb) FROM carers k
            WHERE k.external_id IN (SELECT jsonb_array_elements_text(x.assignment -> 'carers') FROM assigned x WHERE x.roster_id = pub.id)),
           (SELECT coalesce(jsonb_object_agg(k.external_id, k.given_name), '{}'::jsonb) FROM clients k
            WHERE k.external_id IN (SELECT x.client ->> 'id' FROM my_clients x WHERE x.roster_id = pub.id)),
           (SELECT coalesce(jsonb_object_agg(k.external_id, split_part(k.postcode, ' ', 1)), '{}'::jsonb) FROM clients k
            WHERE k.external_id IN (SELECT x.client ->> 'id' FROM my_clients x WHERE x.roster_id = pub.id))
    FROM published pub
    ORDER BY pub.iso_week, pub.code;
    -- A live link with nothing published yet still opens: one row naming the carer, no roster.
    IF NOT FOUND THEN
        RETURN QUERY SELECT v_external, (SELECT k.given_name FROM carers k WHERE k.id = v_carer), NULL::text, NULL::text, NULL::integer,
                            NULL::timestamptz, NULL::text, NULL::text, NULL::jsonb, NULL::jsonb, NULL::jsonb;
    END IF;
END $$;
REVOKE ALL ON FUNCTION carehub_carer_link_week(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION carehub_slice_matrix(jsonb, integer[]), carehub_carer_problem(jsonb) FROM PUBLIC;
