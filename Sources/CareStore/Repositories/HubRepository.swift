import CareModel

/// Reads and writes `hubs`.
public struct HubRepository {
    let db: Connection

    /// A repository over a connection (and whatever transaction it is in).
    public init(_ db: Connection) { self.db = db }

    /// Inserts or updates a hub by code: how import and seeding write `hubs`.
    @discardableResult
    public func upsert(_ h: Hub) throws -> UpsertOutcome {
        try db.query(
            """
            INSERT INTO hubs (code, name, latitude, longitude, timezone)
            VALUES (\(h.code), \(h.name), \(h.location.latitude), \(h.location.longitude), \(h.timeZone))
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
                timezone = EXCLUDED.timezone
            WHERE (hubs.name, hubs.latitude, hubs.longitude, hubs.timezone)
                  IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.latitude, EXCLUDED.longitude, EXCLUDED.timezone)
            RETURNING (xmax = 0) AS inserted
            """
        ).upsertOutcome()
    }

    /// Inserts a new hub and returns its id; a code already stored is a unique violation
    /// (tests of constraints and transactions rely on that).
    @discardableResult
    public func insert(_ hub: Hub) throws -> Int {
        try db.query(
            """
            INSERT INTO hubs (code, name, latitude, longitude, timezone)
            VALUES (\(hub.code), \(hub.name), \(hub.location.latitude), \(hub.location.longitude), \(hub.timeZone))
            RETURNING id
            """
        ).rows[0].decode("id")
    }

    /// Every hub, by code.
    public func all() throws -> [StoredHub] {
        try db.query("SELECT id, code, name, latitude, longitude, timezone FROM hubs ORDER BY code").rows.map(StoredHub.init(row:))
    }

    /// The codes of the hubs this connection works on: every hub for the administration
    /// connection, the acting person's own hubs otherwise (`--all` means "all of mine").
    public func codesInScope() throws -> [String] {
        guard db.actingPerson != nil else { return try all().map(\.hub.code) }
        return try db.query("SELECT code FROM hubs WHERE id = ANY (carehub_person_hubs()) ORDER BY code").rows.map { try $0.decode("code") }
    }

    /// The hub with a code, or nil.
    public func find(code: String) throws -> StoredHub? {
        try db.query("SELECT id, code, name, latitude, longitude, timezone FROM hubs WHERE code = \(code)").rows.first.map(StoredHub.init(row:))
    }

    /// Number of hubs.
    public func count() throws -> Int {
        try db.query("SELECT count(*) AS n FROM hubs").rows[0].decode("n")
    }
}

/// A hub as stored, with its database id.
public struct StoredHub: Sendable, Hashable {
    public let id: Int
    public let hub: Hub

    init(row: Row) throws {
        id = try row.decode("id")
        guard let location = GeoPoint(latitude: try row.decode("latitude"), longitude: try row.decode("longitude")) else {
            throw StoreError(code: .decodingFailed, context: "reading hubs", serverMessage: "coordinates out of range")
        }
        hub = Hub(code: try row.decode("code"), name: try row.decode("name"), location: location, timeZone: try row.decode("timezone"))
    }
}
