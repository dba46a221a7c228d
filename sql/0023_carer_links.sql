-- Carers' own links: a personal address (`/my/{token}`) that shows one carer their published
-- week on their phone and serves it as a calendar, with no password and no session.
--
-- A link is a random token of 256 bits, shown once to the manager who issues it; the table keeps
-- only its SHA-256 (computed by the server, as for web_sessions), so a copy of the table opens
-- nothing. A manager of the carer's own hub issues and revokes (row-level security as on carers,
-- without the lent carers: a borrowing hub reads a lent carer but does not hand out their week);
-- issuing a new link revokes the old one, so a carer has at most one live link.
--
-- Least privilege for the anonymous reader. Requests that come with a link run as the group role
-- carehub_carer_link, which has no privilege on any table: all it may do is call the two
-- functions below with the token it was given. Each (SECURITY DEFINER, pinned search_path)
-- checks that the token is live, records the read in the audit log, and returns only that
-- carer's part of the published rosters: their own visits and assignments, the clients of those
-- visits (first name and postcode district, as every rota shows them) and the names of the
-- carers on their double-ups. Another carer's week, another hub's clients, drafts and
-- superseded versions cannot be reached with any token.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'carehub_carer_link') THEN
        BEGIN
            CREATE ROLE carehub_carer_link NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
    IF NOT pg_has_role(current_user, 'carehub_carer_link', 'MEMBER') THEN
        BEGIN
            EXECUTE format('GRANT carehub_carer_link TO %I', current_user);
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
END $$;

CREATE TABLE carer_links (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    carer_id    bigint NOT NULL REFERENCES carers (id) ON DELETE CASCADE,
    token_hash  text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    issued_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz,
    CHECK (revoked_at IS NULL OR revoked_at >= issued_at)
);
-- At most one live link per carer.
CREATE UNIQUE INDEX carer_links_live ON carer_links (carer_id) WHERE revoked_at IS NULL;
REVOKE ALL ON carer_links FROM PUBLIC;

ALTER TABLE carer_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE carer_links FORCE ROW LEVEL SECURITY;
DO $$ BEGIN
    EXECUTE format('CREATE POLICY owner_all ON carer_links TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
CREATE POLICY acting_read ON carer_links FOR SELECT TO carehub_manager
    USING (carer_id IN (SELECT id FROM carers WHERE hub_id = ANY ((SELECT carehub_person_hubs())::bigint[])));
CREATE POLICY acting_insert ON carer_links FOR INSERT TO carehub_manager
    WITH CHECK (carer_id IN (SELECT id FROM carers WHERE hub_id = ANY ((SELECT carehub_person_hubs())::bigint[])));
CREATE POLICY acting_update ON carer_links FOR UPDATE TO carehub_manager
    USING (carer_id IN (SELECT id FROM carers WHERE hub_id = ANY ((SELECT carehub_person_hubs())::bigint[])))
    WITH CHECK (carer_id IN (SELECT id FROM carers WHERE hub_id = ANY ((SELECT carehub_person_hubs())::bigint[])));
CREATE POLICY acting_delete ON carer_links FOR DELETE TO carehub_manager
    USING (carer_id IN (SELECT id FROM carers WHERE hub_id = ANY ((SELECT carehub_person_hubs())::bigint[])));
GRANT SELECT, INSERT, UPDATE, DELETE ON carer_links TO carehub_manager;
GRANT USAGE ON SEQUENCE carer_links_id_seq TO carehub_manager;

-- Issuing and revoking are audited like every hub-scoped table (insert, update of revoked_at).
CREATE TRIGGER audit_insert AFTER INSERT ON carer_links REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes(id);
CREATE TRIGGER audit_update AFTER UPDATE ON carer_links REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes(id);
CREATE TRIGGER audit_delete AFTER DELETE ON carer_links REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_audit_changes(id);

-- A read through a link has no person: the audit row names the link (row_key) instead.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check,
    ADD CONSTRAINT audit_log_action_check
        CHECK (action IN ('insert', 'update', 'delete', 'read', 'sign-in', 'sign-out', 'carer-link-read'));

-- The live link of a token: (link id, carer id, carer external id), or no row. Internal: no role
-- may call it directly.
CREATE FUNCTION carehub_carer_link_live(p_token text)
RETURNS TABLE (link_id bigint, carer_id bigint, carer text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT l.id, c.id, c.external_id FROM carer_links l JOIN carers c ON c.id = l.carer_id
    WHERE l.token_hash = encode(sha256(convert_to(p_token, 'UTF8')), 'hex') AND l.revoked_at IS NULL
      -- A carer who has left no longer sees clients' names and areas through an old link.
      AND (c.end_date IS NULL OR c.end_date >= current_date)
$$;
REVOKE ALL ON FUNCTION carehub_carer_link_live(text) FROM PUBLIC;

-- The carer's published rosters from last week on (a calendar subscription keeps last week's
-- visits; with nothing that recent, from their newest published week), one row per hub and week
-- they work in, each with the carer's slice of the stored documents: the roster's assignments
-- that name them, the problem's visits of those assignments and their clients (without anyone's
-- preferences or exclusions), and the carer alone among the carers. The names a rota prints come
-- beside them. No row for an unknown or revoked token; one row with no roster (hub NULL) for a
-- live link with nothing published.
CREATE FUNCTION carehub_carer_link_week(p_token text)
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
           (pub.p || jsonb_build_object(
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

-- The latest changes rebalance made to the carer's visits (newest first, at most `p_limit`):
-- when, what, the visit's start and the notice it gave. Never why: a reason names another carer
-- and their absence ("sickness of C-…"), which is not this carer's to read; reason is always NULL.
-- No row for an unknown or revoked token.
CREATE FUNCTION carehub_carer_link_changes(p_token text, p_limit integer)
RETURNS TABLE (changed_at timestamptz, action text, reason text, visit_start timestamptz, notice_minutes integer, hub text,
               iso_week text)
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
    INSERT INTO audit_log (action, table_name, row_key) VALUES ('carer-link-read', 'roster_changes', v_link::text);
    RETURN QUERY
    SELECT rc.changed_at, rc.action, NULL::text, coalesce(a.starts_at, v.window_start), rc.notice_minutes, h.code, r.iso_week
    FROM roster_changes rc JOIN rosters r ON r.id = rc.roster_id JOIN hubs h ON h.id = rc.hub_id
    LEFT JOIN roster_assignments a ON a.roster_id = rc.roster_id AND a.visit_id = rc.visit_id AND a.carer_id = rc.carer_id
    LEFT JOIN visits v ON v.id = rc.visit_id
    WHERE rc.carer_id = v_carer AND rc.action IN ('moved', 'added', 'dropped')
    ORDER BY rc.changed_at DESC, rc.id DESC
    LIMIT least(greatest(p_limit, 0), 100);
END $$;
REVOKE ALL ON FUNCTION carehub_carer_link_changes(text, integer) FROM PUBLIC;

-- The anonymous reader may call these two and nothing else.
GRANT EXECUTE ON FUNCTION carehub_carer_link_week(text), carehub_carer_link_changes(text, integer) TO carehub_carer_link;

-- A manager's read of a carer's record (the web's carer page: pay, contract, working time) is
-- written to the audit trail, as client reads are (0020's carehub_record_client_read).
CREATE FUNCTION carehub_record_carer_read(p_carer bigint) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO audit_log (person_id, action, table_name, row_key)
    VALUES (carehub_acting_recorded(), 'read', 'carers', p_carer::text)
$$;
REVOKE ALL ON FUNCTION carehub_record_carer_read(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_record_carer_read(bigint) TO carehub_manager;
