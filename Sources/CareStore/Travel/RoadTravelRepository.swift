import CareModel
import Foundation

/// One place road minutes are wanted for: a carer's or client's home, by external id.
public struct TravelPlace: Sendable, Equatable {
    public let ref: PlaceRef
    public let location: GeoPoint

    public init(_ ref: PlaceRef, _ location: GeoPoint) {
        self.ref = ref
        self.location = location
    }
}

/// What one `carehub travel matrix` did for one mode.
public struct TravelMatrixRun: Sendable, Equatable {
    public let mode: TransportMode
    /// The places routed for the mode: every home by car; for another mode, its carers' homes
    /// and the hub's clients.
    public let places: Int
    /// Distinct network vertices they snapped to.
    public let vertices: Int
    /// Vertices whose rows and columns were routed this time (all of them the first time,
    /// those of new or moved places afterwards).
    public let recomputed: Int
    /// Pairs of vertices written.
    public let pairs: Int
    /// Pairs with no route by this mode (never by car: that is refused), stored as such: the
    /// engine will not send a carer of this mode between them.
    public let unreachable: Int
    /// Seconds spent routing.
    public let seconds: Double
    /// The vertices whose every pair the hub now has (recorded with the run).
    public let vertexIDs: [Int64]
}

/// Road travel minutes between places, per hub and mode, from the loaded network: snapping
/// places to the network, computing and caching the minutes between their vertices with
/// pgRouting (`travel_vertex_minutes`, the hub's rows under row-level security), and reading a
/// matrix back for a week's problem. PostGIS and pgRouting live in schema `travel`: PostGIS
/// calls are qualified, and routing sets the search path for its own transaction only.
public struct RoadTravelRepository {
    let db: Connection

    /// A repository over a connection.
    public init(_ db: Connection) { self.db = db }

    /// True when a network is loaded (`carehub travel load` has run).
    public func networkLoaded() throws -> Bool {
        let loaded: Bool = try db.query(
            "SELECT to_regclass('travel.edges') IS NOT NULL AND EXISTS (SELECT 1 FROM travel.network) AS loaded"
        ).rows[0].decode("loaded")
        return loaded
    }

    /// The loaded network's snap limit and the speeds its edges were costed at.
    func network() throws -> (maxSnapMetres: Double, speeds: [TransportMode: Double]) {
        guard let row = try db.query("SELECT max_snap_metres, walk_kmh, cycle_kmh, public_kmh FROM travel.network").rows.first else {
            throw TravelError.noNetwork
        }
        return (
            try row.decode("max_snap_metres"),
            [.walk: try row.decode("walk_kmh"), .cycle: try row.decode("cycle_kmh"), .public: try row.decode("public_kmh")]
        )
    }

    /// The database id of a hub (nil when unknown).
    func hubID(_ code: String) throws -> Int? {
        try db.query("SELECT id FROM hubs WHERE code = \(code)").rows.first?.decode("id")
    }

    /// Each place's nearest vertex a `mode` traveller may use (the lowest id of equally near
    /// ones, so a place always snaps the same way), and how far it is (metres); vertex nil
    /// when the mode has no vertex at all.
    func snap(_ places: [TravelPlace], mode: TransportMode) throws -> [(vertex: Int64?, metres: Double)] {
        if places.isEmpty { return [] }
        let (lats, lons) = (places.map(\.location.latitude), places.map(\.location.longitude))
        let rows = try db.query(
            """
            SELECT u.ord, v.id AS vertex, travel.ST_Distance(v.geog, p.geog) AS metres
            FROM unnest(\(lats)::float8[], \(lons)::float8[]) WITH ORDINALITY AS u (lat, lon, ord)
            CROSS JOIN LATERAL (SELECT travel.ST_SetSRID(travel.ST_MakePoint(u.lon, u.lat), 4326)::travel.geography AS geog) p
            LEFT JOIN LATERAL (
                -- The index finds the nearest few; the id breaks ties among them (a second sort
                -- key in the index scan itself would measure every vertex).
                SELECT n.id, n.geog FROM (
                    SELECT id, geog, geog OPERATOR(travel.<->) p.geog AS d FROM travel.vertices WHERE mode = \(mode)
                    ORDER BY geog OPERATOR(travel.<->) p.geog LIMIT 4
                ) n ORDER BY n.d, n.id LIMIT 1
            ) v ON true
            ORDER BY u.ord
            """
        ).rows
        return try rows.map { row in
            let vertex = try row.decode("vertex", as: Int64?.self)
            return (vertex, vertex == nil ? .infinity : try row.decode("metres"))
        }
    }

    /// Snaps every place, or throws `farPlaces` naming those beyond the network's limit.
    func vertices(of places: [TravelPlace], mode: TransportMode, limit: Double) throws -> [Int64] {
        let snapped = try snap(places, mode: mode)
        let far = zip(places, snapped).filter { $0.1.vertex == nil || $0.1.metres > limit }.map(\.0.ref.describe)
        if !far.isEmpty { throw TravelError.farPlaces(mode: mode, places: far, limitMetres: limit) }
        return snapped.map { $0.vertex! }
    }

    /// Computes and caches, for hub `hub`, the minutes between every pair of `places` by
    /// `mode`, routing only from and to the vertices whose pairs the hub has not cached yet.
    /// Pairs with no route are stored as such for walking, cycling and buses; by car they are
    /// refused (`unreachable`: a road joined to nothing is a fault in the extract). Throws
    /// `farPlaces` for a place too far from the network. Records the run (`travel_matrix_runs`,
    /// audited). Runs inside the caller's transaction, which keeps nothing when this throws.
    public func computeMinutes(between places: [TravelPlace], mode: TransportMode, hub: String) throws -> TravelMatrixRun {
        precondition(db.isInTransaction, "road minutes are computed inside one transaction")
        guard let hubID = try hubID(hub) else { throw ReferenceError(writing: "road minutes", missingKind: "hub", missingID: hub) }
        // pgRouting calls its own helpers unqualified.
        try db.execute("SET LOCAL search_path = public, travel")
        // pgRouting sorts and hashes millions of pairs for a large hub.
        try db.execute("SET LOCAL work_mem = '256MB'")
        let limit = try network().maxSnapMetres
        let vertices = Array(Set(try vertices(of: places, mode: mode, limit: limit))).sorted()
        let started = Date()
        let route = try verticesToRoute(vertices, mode: mode, hubID: hubID)
        let written = try routeFrom(route, to: vertices, mode: mode, hubID: hubID)
        // Every pair among the last run's vertices is cached (managers may add minutes, never
        // delete them), so only the pairs touching `route` can be missing: those pgRouting
        // found no route for.
        let n = vertices.count
        let expected = route.count * (n - 1) + (route.count < n ? (n - route.count) * route.count : 0)
        let unreachable = written < expected ? try recordUnreachable(places, route: route, vertices: vertices, mode: mode, hubID: hubID) : 0
        let run = TravelMatrixRun(
            mode: mode, places: places.count, vertices: vertices.count, recomputed: route.count, pairs: written, unreachable: unreachable,
            seconds: Date().timeIntervalSince(started), vertexIDs: vertices)
        try record(run, hubCodes: [hub])
        return run
    }

    /// Routes from each of `route` to every vertex of `vertices` and, on the reversed graph,
    /// from every vertex to each of `route`, storing the seconds; the number of rows written.
    private func routeFrom(_ route: [Int64], to vertices: [Int64], mode: TransportMode, hubID: Int) throws -> Int {
        var written = 0
        if !route.isEmpty && vertices.count > 1 {
            // From each vertex to route to every vertex; then, on the reversed graph, from every
            // vertex to each of them: work in proportion to what moved, not to the hub.
            written += try db.execute(
                """
                INSERT INTO travel_vertex_minutes (hub_id, mode, from_vertex, to_vertex, seconds)
                SELECT \(hubID), \(mode), start_vid, end_vid, agg_cost
                FROM pgr_dijkstraCost(\(Self.edges(mode, reversed: false)), \(route)::bigint[], \(vertices)::bigint[], directed => true)
                ON CONFLICT (hub_id, mode, from_vertex, to_vertex) DO UPDATE SET seconds = EXCLUDED.seconds
                """)
            if route.count < vertices.count {
                written += try db.execute(
                    """
                    INSERT INTO travel_vertex_minutes (hub_id, mode, from_vertex, to_vertex, seconds)
                    SELECT \(hubID), \(mode), end_vid, start_vid, agg_cost
                    FROM pgr_dijkstraCost(\(Self.edges(mode, reversed: true)), \(route)::bigint[], \(vertices)::bigint[], directed => true)
                    WHERE end_vid <> ALL(\(route)::bigint[])
                    ON CONFLICT (hub_id, mode, from_vertex, to_vertex) DO UPDATE SET seconds = EXCLUDED.seconds
                    """)
            }
        }
        return written
    }

    /// Copies hub `from`'s cached minutes among `places` to hub `to` (a run over several hubs
    /// routes once and gives each hub the pairs, under its own row-level security).
    public func copyMinutes(among places: [TravelPlace], mode: TransportMode, from: String, to: String) throws {
        guard let a = try hubID(from) else { throw ReferenceError(writing: "road minutes", missingKind: "hub", missingID: from) }
        guard let b = try hubID(to) else { throw ReferenceError(writing: "road minutes", missingKind: "hub", missingID: to) }
        let limit = try network().maxSnapMetres
        let vertices = Array(Set(try vertices(of: places, mode: mode, limit: limit))).sorted()
        try db.execute(
            """
            INSERT INTO travel_vertex_minutes (hub_id, mode, from_vertex, to_vertex, seconds)
            SELECT \(b), mode, from_vertex, to_vertex, seconds FROM travel_vertex_minutes
            WHERE hub_id = \(a) AND mode = \(mode) AND from_vertex IN (SELECT unnest(\(vertices)::bigint[]))
              AND to_vertex IN (SELECT unnest(\(vertices)::bigint[]))
            ON CONFLICT (hub_id, mode, from_vertex, to_vertex) DO UPDATE SET seconds = EXCLUDED.seconds
            """)
    }

    /// pgRouting's edge query for one mode, as constant text (never built from a value).
    static func edges(_ mode: TransportMode, reversed: Bool) -> String {
        let columns = reversed ? "id, target AS source, source AS target, cost, reverse_cost" : "id, source, target, cost, reverse_cost"
        switch mode {
        case .car: return "SELECT \(columns) FROM travel.edges WHERE mode = 'car'"
        case .walk: return "SELECT \(columns) FROM travel.edges WHERE mode = 'walk'"
        case .cycle: return "SELECT \(columns) FROM travel.edges WHERE mode = 'cycle'"
        case .public: return "SELECT \(columns) FROM travel.edges WHERE mode = 'public'"
        }
    }

    /// The vertices to route from and to: those not in the hub's last run for this mode on the
    /// current network (every pair among that run's vertices was then cached), so a moved or
    /// new place costs its own routes only; all of them the first time.
    private func verticesToRoute(_ vertices: [Int64], mode: TransportMode, hubID: Int) throws -> [Int64] {
        let previous: [Int64] =
            try db.query(
                """
                SELECT r.vertices FROM travel_matrix_runs r, travel.network n
                WHERE r.hub_id = \(hubID) AND r.mode = \(mode) AND r.run_at >= n.loaded_at
                ORDER BY r.id DESC LIMIT 1
                """
            ).rows.first?.decode("vertices") ?? []
        let known = Set(previous)
        let route = vertices.filter { !known.contains($0) }
        // With most vertices new, routing from every one forward alone is cheaper than both ways.
        return route.count * 2 >= vertices.count ? vertices : route
    }

    /// The pairs touching `route` that pgRouting found no route for: by car, throws
    /// `unreachable` naming a few; by another mode, stores them as having none (-1) and returns
    /// how many there are.
    private func recordUnreachable(_ places: [TravelPlace], route: [Int64], vertices: [Int64], mode: TransportMode, hubID: Int) throws -> Int {
        let missing = try db.query(
            """
            SELECT a.id AS a, b.id AS b FROM unnest(\(vertices)::bigint[]) a (id) CROSS JOIN unnest(\(vertices)::bigint[]) b (id)
            WHERE a.id <> b.id AND (a.id IN (SELECT unnest(\(route)::bigint[])) OR b.id IN (SELECT unnest(\(route)::bigint[])))
              AND NOT EXISTS (
                SELECT 1 FROM travel_vertex_minutes m
                WHERE m.hub_id = \(hubID) AND m.mode = \(mode) AND m.from_vertex = a.id AND m.to_vertex = b.id)
            ORDER BY a.id, b.id
            """
        ).rows
        let pairs: [(Int64, Int64)] = try missing.map { (try $0.decode("a"), try $0.decode("b")) }
        if mode == .car {
            let snapped = try snap(places, mode: mode).map(\.vertex)
            func name(_ vertex: Int64) -> String { places[snapped.firstIndex(of: vertex) ?? 0].ref.describe }
            throw TravelError.unreachable(mode: mode, count: pairs.count, examples: pairs.prefix(3).map { "\(name($0.0)) to \(name($0.1))" })
        }
        try db.execute(
            """
            INSERT INTO travel_vertex_minutes (hub_id, mode, from_vertex, to_vertex, seconds)
            SELECT \(hubID), \(mode), a, b, -1 FROM unnest(\(pairs.map(\.0))::bigint[], \(pairs.map(\.1))::bigint[]) AS p (a, b)
            ON CONFLICT (hub_id, mode, from_vertex, to_vertex) DO NOTHING
            """)
        return pairs.count
    }

    /// Whole minutes between every pair of `places` by `mode`, from hub `hub`'s cache, in the
    /// order of `places`, or nil when some place is off the network or some pair is not cached
    /// (`carehub travel matrix` has not run since the place was added or moved). Along the
    /// network, walking, cycling and buses go at `speedKmh` (the network's seconds scaled),
    /// cars at each road's speed; the way from the door to the snapped vertex, at each end, at
    /// `speedKmh` (a car's: the straight-line 25 km/h). Places at the same coordinates are 0
    /// apart; a pair with no route is 1440 minutes (a day: no visit can follow).
    public func cachedMinutes(between places: [TravelPlace], mode: TransportMode, speedKmh: Double, hub: String) throws -> [[Int]]? {
        guard let hubID = try hubID(hub) else { return nil }
        let (limit, speeds) = try network()
        let snapped = try snap(places, mode: mode)
        if snapped.contains(where: { $0.vertex == nil || $0.metres > limit }) { return nil }
        let vertexOf = snapped.map { $0.vertex! }
        let vertices = Array(Set(vertexOf)).sorted()
        let index = Dictionary(uniqueKeysWithValues: vertices.enumerated().map { ($1, $0) })
        let scale = mode == .car ? 1.0 : (speeds[mode] ?? speedKmh) / speedKmh
        var seconds = Array(repeating: Array(repeating: Double.nan, count: vertices.count), count: vertices.count)
        for i in vertices.indices { seconds[i][i] = 0 }
        for row in try db.query(
            """
            SELECT from_vertex, to_vertex, seconds FROM travel_vertex_minutes
            WHERE hub_id = \(hubID) AND mode = \(mode) AND from_vertex IN (SELECT unnest(\(vertices)::bigint[]))
              AND to_vertex IN (SELECT unnest(\(vertices)::bigint[]))
            """
        ).rows {
            let (a, b): (Int64, Int64) = (try row.decode("from_vertex"), try row.decode("to_vertex"))
            if let i = index[a], let j = index[b] { seconds[i][j] = try row.decode("seconds") }
        }
        let doorSpeed = (mode == .car ? HaversineTravel.standard.speedKmh : speedKmh) / 3.6  // metres a second
        var minutes = Array(repeating: Array(repeating: 0, count: places.count), count: places.count)
        for i in places.indices {
            for j in places.indices where i != j && places[i].location != places[j].location {
                let s = seconds[index[vertexOf[i]]!][index[vertexOf[j]]!]
                if s.isNaN { return nil }
                if s < 0 {
                    minutes[i][j] = 1440
                    continue
                }
                let total = s * scale + (snapped[i].metres + snapped[j].metres) / doorSpeed
                minutes[i][j] = min(1440, Int((total / 60).rounded(.up)))
            }
        }
        return minutes
    }
}

extension PlaceRef {
    /// "carer C12", "client P7": ids only, never an address.
    var describe: String {
        switch self {
        case .carer(let id): return "carer \(id)"
        case .client(let id): return "client \(id)"
        }
    }
}
