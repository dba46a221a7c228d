-- Issue 15: a subject access request. Everything carehub holds about one person, as one JSON
-- document (`carehub.subject-access/1`): who they are, their shared record, care plan, notes,
-- lead professionals, journey and handovers, hospital discharges, care packages and their calls,
-- visits (when, what happened, and which carers came), absences, carers they prefer or refuse,
-- break-glass openings of their record, and the audit trail of who read or changed it.
--
-- Who: an administrator (the data protection lead's duty under UK GDPR article 15), or the
-- administration login. Administrators cannot read people's records otherwise; this function is
-- their one way in, and each export is itself recorded in the audit trail (`subject-access`),
-- so it appears in the next export too. Staff appear only as who did what in their work (an
-- author, a lead, a carer who visited); nothing about any other person cared for is included:
-- visits list only this person's, and no roster, problem or other client's row is read.

ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check,
    ADD CONSTRAINT audit_log_action_check
        CHECK (action IN ('insert', 'update', 'delete', 'read', 'sign-in', 'sign-out', 'carer-link-read', 'subject-access'));

CREATE FUNCTION carehub_subject_access(p_client_external_id text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_client bigint;
    v_zone text;
    v_doc jsonb;
BEGIN
    IF carehub_acting_recorded() IS NOT NULL AND carehub_acting_person('carehub_admin') IS NULL THEN
        RAISE EXCEPTION 'a subject access export is for administrators' USING ERRCODE = '42501';
    END IF;
    SELECT c.id, h.timezone INTO v_client, v_zone FROM clients c JOIN hubs h ON h.id = c.hub_id WHERE c.external_id = p_client_external_id;
    IF v_client IS NULL THEN
        RETURN NULL;
    END IF;
    INSERT INTO audit_log (person_id, action, table_name, row_key, client_id)
    VALUES (carehub_acting_recorded(), 'subject-access', 'clients', v_client::text, v_client);
    SELECT jsonb_build_object(
        'format', 'carehub.subject-access/1',
        'generated_at', now(),
        'time_zone', v_zone,
        'person', (SELECT to_jsonb(c) - 'id' - 'hub_id' || jsonb_build_object('hub', h.code, 'hub_name', h.name)
                   FROM clients c JOIN hubs h ON h.id = c.hub_id WHERE c.id = v_client),
        'record', (SELECT to_jsonb(r) - 'client_id' FROM client_records r WHERE r.client_id = v_client),
        'care_plan', coalesce((SELECT jsonb_agg(to_jsonb(i) - 'client_id' - 'id' ORDER BY i.position)
                               FROM care_plan_items i WHERE i.client_id = v_client), '[]'),
        'notes', coalesce((SELECT jsonb_agg(to_jsonb(n) - 'client_id' - 'author_id' ORDER BY n.id)
                           FROM client_notes n WHERE n.client_id = v_client), '[]'),
        'lead_professionals', coalesce((SELECT jsonb_agg(jsonb_build_object('lead', p.name, 'service', p.service, 'led_from', l.led_from,
                                                                            'led_until', l.led_until) ORDER BY l.id)
                                        FROM client_leads l JOIN people p ON p.id = l.person_id WHERE l.client_id = v_client), '[]'),
        'journey', coalesce((SELECT jsonb_agg(to_jsonb(e) - 'client_id' - 'recorded_by' - 'discharge_id'
                                              || jsonb_build_object('discharge', d.external_id) ORDER BY e.started_at, e.id)
                             FROM journey_episodes e LEFT JOIN hospital_discharges d ON d.id = e.discharge_id
                             WHERE e.client_id = v_client), '[]'),
        'handovers', coalesce((SELECT jsonb_agg(to_jsonb(o) - 'client_id' - 'from_person' - 'to_person' ORDER BY o.id)
                               FROM handovers o WHERE o.client_id = v_client), '[]'),
        'hospital_discharges', coalesce((SELECT jsonb_agg(to_jsonb(d) - 'id' - 'hub_id' - 'client_id' ORDER BY d.discharge_date)
                                         FROM hospital_discharges d WHERE d.client_id = v_client), '[]'),
        'care_packages', coalesce((SELECT jsonb_agg(to_jsonb(p) - 'id' - 'client_id' || jsonb_build_object('calls', (
                                       SELECT coalesce(jsonb_agg(to_jsonb(pv) - 'id' - 'package_id' ORDER BY pv.weekday, pv.window_start), '[]')
                                       FROM package_visits pv WHERE pv.package_id = p.id)) ORDER BY p.valid_from, p.id)
                                   FROM care_packages p WHERE p.client_id = v_client), '[]'),
        'visits', coalesce((SELECT jsonb_agg(jsonb_build_object(
                                'local_date', v.local_date, 'window_start', v.window_start, 'window_end', v.window_end,
                                'duration_minutes', v.duration_minutes, 'status', v.status, 'priority', v.priority,
                                'carers', (SELECT coalesce(jsonb_agg(DISTINCT k.given_name || ' ' || k.family_name), '[]')
                                           FROM roster_assignments a JOIN rosters r ON r.id = a.roster_id AND r.status = 'published'
                                           JOIN carers k ON k.id = a.carer_id WHERE a.visit_id = v.id))
                                ORDER BY v.window_start, v.id)
                            FROM visits v WHERE v.client_id = v_client), '[]'),
        'absences', coalesce((SELECT jsonb_agg(to_jsonb(a) - 'id' - 'client_id' ORDER BY a.starts_on)
                              FROM client_absences a WHERE a.client_id = v_client), '[]'),
        'carer_preferences', coalesce((SELECT jsonb_agg(jsonb_build_object('carer', k.given_name || ' ' || k.family_name,
                                                                           'relation', r.relation) ORDER BY r.relation, k.family_name)
                                       FROM client_carer_relations r JOIN carers k ON k.id = r.carer_id WHERE r.client_id = v_client), '[]'),
        'break_glass', coalesce((SELECT jsonb_agg(jsonb_build_object('opened_by', p.name, 'reason', g.reason, 'granted_at', g.granted_at,
                                                                     'expires_at', g.expires_at, 'reviewed_at', g.reviewed_at,
                                                                     'review_note', g.review_note) ORDER BY g.id)
                                 FROM record_access_grants g JOIN people p ON p.id = g.person_id WHERE g.client_id = v_client), '[]'),
        'audit', coalesce((SELECT jsonb_agg(jsonb_build_object('at', a.at,
                                                               'who', CASE WHEN a.action = 'carer-link-read' THEN 'a carer, through their own link'
                                                                           ELSE coalesce(p.name, 'administration login (' || a.db_user || ')') END,
                                                               'role', p.role, 'action', a.action, 'table', a.table_name,
                                                               'changed_columns', a.changed_columns) ORDER BY a.at, a.id)
                           FROM audit_log a LEFT JOIN people p ON p.id = a.person_id
                           WHERE a.client_id = v_client
                              OR (a.table_name IN ('clients', 'client_records') AND a.row_key = v_client::text)
                              OR (a.table_name = 'client_notes' AND a.action <> 'read' AND a.row_key IN (SELECT id::text FROM client_notes WHERE client_id = v_client))
                              OR (a.table_name = 'client_leads' AND a.row_key IN (SELECT id::text FROM client_leads WHERE client_id = v_client))
                              OR (a.table_name = 'record_access_grants'
                                  AND a.row_key IN (SELECT id::text FROM record_access_grants WHERE client_id = v_client))
                              OR (a.table_name IN ('care_plan_items', 'journey_episodes', 'handovers') AND a.action <> 'carer-link-read'
                                  AND split_part(a.row_key, '/', 1) = v_client::text)), '[]')
    ) INTO v_doc;
    RETURN v_doc;
END $$;
REVOKE ALL ON FUNCTION carehub_subject_access(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION carehub_subject_access(text) TO carehub_admin;
