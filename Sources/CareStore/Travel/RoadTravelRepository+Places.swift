import CareModel

extension RoadTravelRepository {
    /// A home road minutes are computed for, with the carer's transport (nil for a client).
    public struct HubPlace: Sendable, Equatable {
        public let place: TravelPlace
        public let transport: TransportMode?
    }

    /// The places of `hubCodes` road minutes are computed between, in external id order: the
    /// hubs' carers and carers of other hubs lendable to them, employed in the last week or
    /// later (a week's problem has everyone employed on any of its days), and the hubs'
    /// clients with a care package or a visit from a week ago on (not every client the hub
    /// ever had: the matrix grows with the square of its places).
    public func places(hubCodes: [String]) throws -> [HubPlace] {
        let codes = hubCodes.sorted()
        var places: [HubPlace] = []
        for row in try db.query(
            """
            SELECT c.external_id, c.home_latitude AS lat, c.home_longitude AS lon, c.transport FROM carers c
            WHERE (c.end_date IS NULL OR c.end_date >= current_date - 7)
              AND (c.hub_id IN (SELECT id FROM hubs WHERE code = ANY(\(codes)::text[]))
                   OR c.id IN (SELECT l.carer_id FROM carer_lendable_hubs l JOIN hubs h ON h.id = l.hub_id WHERE h.code = ANY(\(codes)::text[])))
            ORDER BY c.external_id
            """
        ).rows {
            guard let point = GeoPoint(latitude: try row.decode("lat"), longitude: try row.decode("lon")) else { continue }
            places.append(HubPlace(place: TravelPlace(.carer(try row.decode("external_id")), point), transport: try row.decode("transport")))
        }
        for row in try db.query(
            """
            SELECT cl.external_id, cl.latitude AS lat, cl.longitude AS lon FROM clients cl JOIN hubs h ON h.id = cl.hub_id
            WHERE h.code = ANY(\(codes)::text[])
              AND (EXISTS (SELECT 1 FROM care_packages k WHERE k.client_id = cl.id AND (k.valid_to IS NULL OR k.valid_to >= current_date - 7))
                   OR EXISTS (SELECT 1 FROM visits v WHERE v.client_id = cl.id AND v.window_start >= now() - interval '7 days'))
            ORDER BY cl.external_id
            """
        ).rows {
            guard let point = GeoPoint(latitude: try row.decode("lat"), longitude: try row.decode("lon")) else { continue }
            places.append(HubPlace(place: TravelPlace(.client(try row.decode("external_id")), point), transport: nil))
        }
        return places
    }

    /// Records a run for each hub (audited: who computed which hub's minutes, and when).
    public func record(_ run: TravelMatrixRun, hubCodes: [String]) throws {
        try db.execute(
            """
            INSERT INTO travel_matrix_runs (hub_id, mode, places, recomputed, pairs, seconds, vertices)
            SELECT id, \(run.mode), \(run.places), \(run.recomputed), \(run.pairs), \(run.seconds), \(run.vertexIDs)::bigint[]
            FROM hubs WHERE code = ANY(\(hubCodes)::text[])
            """)
    }
}

extension [RoadTravelRepository.HubPlace] {
    /// The places a `mode` matrix is needed for: every home by car (a problem's car matrix
    /// covers all its places); otherwise the homes of the carers who travel by it, and every client.
    public func needed(by mode: TransportMode) -> [TravelPlace] {
        filter { mode == .car || $0.transport == nil || $0.transport == mode }.map(\.place)
    }
}
