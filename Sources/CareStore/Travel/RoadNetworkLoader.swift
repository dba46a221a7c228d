import CareModel
import Foundation

/// What `carehub travel load` put in place.
public struct RoadNetworkSummary: Sendable, Equatable {
    /// Road and path segments loaded (split at junctions).
    public let ways: Int
    /// Junctions and ends.
    public let vertices: Int
    /// Directed edges each mode may use, by mode.
    public let edgesByMode: [TransportMode: Int]
}

/// Loads an OpenStreetMap extract into schema `travel` as a routable network per transport
/// mode, all or nothing: osm2pgrouting fills a staging schema, and one transaction checks it,
/// swaps it in, costs each mode's edges and empties the minutes cached for the old network.
/// The administration login only (it creates the extensions and writes map tables).
public struct RoadNetworkLoader {
    let db: Connection

    /// A loader over a connection (not inside a transaction: osm2pgrouting opens its own sessions).
    public init(_ db: Connection) { self.db = db }

    /// Held while a network loads, so two loads never share the staging schema.
    static let lock = AdvisoryLockKey(namespace: 0x5452_4156, id: 1)  // "TRAV"

    /// The speeds a network's edges are costed at: the format's defaults. A hub's own walking,
    /// cycling and bus speeds scale these minutes when a week's problem is built.
    static let networkSpeeds = (
        walk: TransportSettings.defaults[.walk].speedKmh, cycle: TransportSettings.defaults[.cycle].speedKmh,
        public: TransportSettings.defaults[.public].speedKmh
    )

    /// Short edges between junctions are town streets: cars drive them at this share of the limit.
    static let townFactor = 0.7
    /// Edges shorter than this (metres) count as town streets.
    static let townEdgeMetres = 250.0

    /// Loads `file` (`.osm` XML, or `.pbf` through osmium).
    public func load(file: String) throws -> RoadNetworkSummary {
        guard FileManager.default.isReadableFile(atPath: file) else { throw TravelError.unreadableFile(file) }
        try ensureExtensions()
        try db.advisoryLock(Self.lock)
        defer { _ = try? db.advisoryUnlock(Self.lock) }
        // A directory only this user may read: the tools' logs, the password file, the extract.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("carehub-travel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: scratch) }
        // osm2pgrouting hands its file name to a shell (`wc -l`): give it a name made here.
        let xml = scratch.appendingPathComponent("extract.osm").path
        if file.lowercased().hasSuffix(".pbf") {
            // osm2pgrouting reads XML only; keep just the ways with a highway tag (and their nodes).
            try ExternalTool.osmium.run(["tags-filter", file, "w/highway", "-o", xml, "--overwrite"], scratch: scratch)
        } else {
            try FileManager.default.createSymbolicLink(atPath: xml, withDestinationPath: URL(fileURLWithPath: file).standardizedFileURL.path)
        }
        let configuration = scratch.appendingPathComponent("mapconfig.xml")
        try OSMMapConfig.xml.write(to: configuration, atomically: true, encoding: .utf8)
        try db.execute("CREATE SCHEMA IF NOT EXISTS travel_staging")
        let session = db.session
        var environment = ["PGOPTIONS": "-c search_path=public,travel"]  // PostGIS lives in schema travel
        if let password = session.password {
            // Never an argument (ps shows those), nor PGPASSWORD (osm2pgrouting passes libpq an
            // empty password, which overrides it): a password file only this user may read.
            let passfile = scratch.appendingPathComponent("pgpass")
            let escaped = password.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ":", with: "\\:")
            guard
                FileManager.default.createFile(
                    atPath: passfile.path, contents: Data("*:*:*:*:\(escaped)\n".utf8), attributes: [.posixPermissions: 0o600])
            else { throw TravelError.toolFailed(program: "osm2pgrouting", status: -1, output: "cannot write a password file in \(scratch.path)") }
            environment["PGPASSFILE"] = passfile.path
        }
        try ExternalTool.osm2pgrouting.run(
            [
                "-h", session.host, "-p", session.port, "-U", session.user, "-d", session.database, "--schema", "travel_staging", "--clean",
                "-c", configuration.path, "-f", xml,
            ], environment: environment, scratch: scratch, secret: session.password)
        return try db.transaction { db in try swapIn(db, file: URL(fileURLWithPath: file).lastPathComponent) }
    }

    /// Creates PostGIS and pgRouting in schema `travel` where the server has them (migration
    /// 0033 skipped them on a server without), or throws.
    func ensureExtensions() throws {
        let have: Int = try db.query("SELECT count(*)::int AS n FROM pg_extension WHERE extname IN ('postgis', 'pgrouting')").rows[0].decode("n")
        let inTravel: Int = try db.query(
            "SELECT count(*)::int AS n FROM pg_extension WHERE extname IN ('postgis', 'pgrouting') AND extnamespace = 'travel'::regnamespace"
        ).rows[0].decode("n")
        if have > inTravel { throw TravelError.extensionsElsewhere }
        if have == 2 { return }
        let available: Int = try db.query(
            "SELECT count(*)::int AS n FROM pg_available_extensions WHERE name IN ('postgis', 'pgrouting')"
        ).rows[0].decode("n")
        guard available == 2 else { throw TravelError.noRoutingExtensions }
        do {
            try db.transaction { db in
                try db.execute("CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA travel")
                try db.execute("CREATE EXTENSION IF NOT EXISTS pgrouting WITH SCHEMA travel")
            }
        } catch let error as StoreError where error.code == .insufficientPrivilege {
            // Neither extension is trusted: only a superuser creates them.
            throw TravelError.extensionsNeedSuperuser
        }
    }

    /// The staging tables replace the current network, and each mode's edges are costed.
    private func swapIn(_ db: Connection, file: String) throws -> RoadNetworkSummary {
        try db.execute("SET LOCAL search_path = public, travel")
        try db.execute("SET LOCAL lock_timeout = '30s'")
        let ways: Int = try db.query(
            "SELECT count(*)::int AS n FROM travel_staging.ways WHERE source IS NOT NULL AND target IS NOT NULL AND length_m > 0"
        ).rows[0].decode("n")
        guard ways > 0 else { throw TravelError.emptyExtract(file: file) }
        try db.execute("DROP TABLE IF EXISTS travel.ways, travel.ways_vertices_pgr, travel.configuration, travel.pointsofinterest CASCADE")
        for table in ["ways", "ways_vertices_pgr", "configuration", "pointsofinterest"] {
            let name = SQLIdentifier(table)!
            try db.execute("ALTER TABLE travel_staging.\(name) SET SCHEMA travel")
            try db.execute("GRANT SELECT ON travel.\(name) TO carehub_manager, carehub_scheduler")
        }
        try db.execute("DROP SCHEMA travel_staging CASCADE")
        try db.execute(
            """
            CREATE TABLE IF NOT EXISTS travel.edges (
                mode text NOT NULL, id bigint NOT NULL, source bigint NOT NULL, target bigint NOT NULL,
                cost double precision NOT NULL, reverse_cost double precision NOT NULL, length_m double precision NOT NULL,
                PRIMARY KEY (mode, id))
            """)
        try db.execute(
            """
            CREATE TABLE IF NOT EXISTS travel.vertices (mode text NOT NULL, id bigint NOT NULL, geog geography(Point, 4326) NOT NULL,
                                                        PRIMARY KEY (mode, id))
            """)
        try db.execute("CREATE INDEX IF NOT EXISTS vertices_geog_idx ON travel.vertices USING gist (geog)")
        try db.execute("GRANT SELECT ON travel.edges, travel.vertices TO carehub_manager, carehub_scheduler")
        try db.execute("TRUNCATE travel.edges, travel.vertices, travel_vertex_minutes")
        let speeds = Self.networkSpeeds
        try db.execute(Self.edges(walk: speeds.walk, cycle: speeds.cycle, public: speeds.public))
        try db.execute(
            """
            INSERT INTO travel.vertices (mode, id, geog)
            SELECT e.mode, v.id, v.the_geom::geography
            FROM (SELECT mode, source AS vid FROM travel.edges UNION SELECT mode, target FROM travel.edges) e
            JOIN travel.ways_vertices_pgr v ON v.id = e.vid
            """)
        try db.execute("ANALYZE travel.edges")
        try db.execute("ANALYZE travel.vertices")
        let vertices: Int = try db.query("SELECT count(*)::int AS n FROM travel.ways_vertices_pgr").rows[0].decode("n")
        // loaded_at is the clock after the TRUNCATE, not the transaction's start: a matrix run
        // that began before it (whose minutes it removed) never counts as a run on this network.
        try db.execute(
            """
            INSERT INTO travel.network (only_row, source_file, loaded_at, ways, vertices, walk_kmh, cycle_kmh, public_kmh)
            VALUES (true, \(file), clock_timestamp(), \(ways), \(vertices), \(speeds.walk), \(speeds.cycle), \(speeds.public))
            ON CONFLICT (only_row) DO UPDATE SET source_file = EXCLUDED.source_file, loaded_at = EXCLUDED.loaded_at, ways = EXCLUDED.ways,
                vertices = EXCLUDED.vertices, walk_kmh = EXCLUDED.walk_kmh, cycle_kmh = EXCLUDED.cycle_kmh, public_kmh = EXCLUDED.public_kmh
            """)
        var byMode: [TransportMode: Int] = [:]
        for row in try db.query(
            """
            SELECT mode, (count(*) FILTER (WHERE cost >= 0) + count(*) FILTER (WHERE reverse_cost >= 0))::int AS n
            FROM travel.edges GROUP BY mode
            """
        ).rows {
            let mode: TransportMode = try row.decode("mode")
            byMode[mode] = try row.decode("n")
        }
        return RoadNetworkSummary(ways: ways, vertices: vertices, edgesByMode: byMode)
    }

    /// Each mode's edges from osm2pgrouting's ways, in seconds (-1: not that way), documented in
    /// docs/travel.md:
    /// - car: every class but footway, path, pedestrian, steps, cycleway, bridleway and byway; the
    ///   tagged limit (osm2pgrouting turns "N mph" into km/h, and stores 50 for a value it cannot
    ///   read, such as "national": no UK limit is 50 km/h, so 50 means the class default), else
    ///   the class default of `OSMMapConfig`; town streets (edges under 250 m) at 0.7 of it; one-way respected;
    /// - walk: every class but motorway and trunk roads, both ways always;
    /// - cycle: every class but motorways, footways, pedestrian streets and steps; one-way respected;
    /// - public: the car's ways and directions at the stated average speed.
    static func edges(walk: Double, cycle: Double, public bus: Double) -> SQLQuery {
        """
        INSERT INTO travel.edges (mode, id, source, target, cost, reverse_cost, length_m)
        WITH w AS (
            SELECT w.gid, w.source, w.target, w.length_m, w.one_way,
                   c.tag_value NOT IN ('footway', 'path', 'pedestrian', 'steps', 'cycleway', 'bridleway', 'byway') AS car_ok,
                   c.tag_value NOT IN ('motorway', 'motorway_link', 'trunk', 'trunk_link') AS walk_ok,
                   c.tag_value NOT IN ('motorway', 'motorway_link', 'footway', 'pedestrian', 'steps') AS cycle_ok,
                   CASE WHEN w.length_m < \(townEdgeMetres)::float8 THEN \(townFactor)::float8 ELSE 1.0 END
                     * CASE WHEN w.maxspeed_forward > 0 AND w.maxspeed_forward <> 50 THEN w.maxspeed_forward ELSE c.maxspeed END AS fwd_kmh,
                   CASE WHEN w.length_m < \(townEdgeMetres)::float8 THEN \(townFactor)::float8 ELSE 1.0 END
                     * CASE WHEN w.maxspeed_backward > 0 AND w.maxspeed_backward <> 50 THEN w.maxspeed_backward ELSE c.maxspeed END AS bwd_kmh
            FROM travel.ways w JOIN travel.configuration c ON c.tag_id = w.tag_id
            WHERE w.source IS NOT NULL AND w.target IS NOT NULL AND w.length_m > 0
        )
        SELECT m.mode, w.gid, w.source, w.target, m.cost, m.reverse_cost, w.length_m
        FROM w CROSS JOIN LATERAL (VALUES
            ('car', w.car_ok, CASE WHEN w.one_way = -1 THEN -1 ELSE w.length_m * 3.6 / w.fwd_kmh END,
                              CASE WHEN w.one_way = 1 THEN -1 ELSE w.length_m * 3.6 / w.bwd_kmh END),
            ('walk', w.walk_ok, w.length_m * 3.6 / \(walk)::float8, w.length_m * 3.6 / \(walk)::float8),
            ('cycle', w.cycle_ok, CASE WHEN w.one_way = -1 THEN -1 ELSE w.length_m * 3.6 / \(cycle)::float8 END,
                                  CASE WHEN w.one_way = 1 THEN -1 ELSE w.length_m * 3.6 / \(cycle)::float8 END),
            ('public', w.car_ok, CASE WHEN w.one_way = -1 THEN -1 ELSE w.length_m * 3.6 / \(bus)::float8 END,
                                 CASE WHEN w.one_way = 1 THEN -1 ELSE w.length_m * 3.6 / \(bus)::float8 END)
        ) AS m (mode, ok, cost, reverse_cost)
        WHERE m.ok
        """
    }
}
