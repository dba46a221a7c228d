import CareModel

/// A hub's speeds and per-trip overheads by transport mode (`hub_transport_modes`): the
/// defaults of docs/formats.md unless the hub's managers set them.
public struct HubTransportRepository {
    let db: Connection

    /// A repository over a connection.
    public init(_ db: Connection) { self.db = db }

    /// The hub's settings, defaults for every mode it has not set.
    public func settings(hubCode: String) throws -> TransportSettings {
        var settings = TransportSettings.defaults
        for row in try db.query(
            """
            SELECT m.mode, m.speed_kmh, m.overhead_minutes, m.access_minutes FROM hub_transport_modes m JOIN hubs h ON h.id = m.hub_id
            WHERE h.code = \(hubCode) ORDER BY m.mode
            """
        ).rows {
            let mode: TransportMode = try row.decode("mode")
            let speed = try row.decode("speed_kmh", as: Double?.self)
            settings[mode] = TransportSetting(
                speedKmh: speed ?? settings[mode].speedKmh, overheadMinutes: try row.decode("overhead_minutes"),
                accessMinutes: try row.decode("access_minutes"))
        }
        return settings
    }

    /// Sets one mode of a hub (a car's speed is not stored: straight-line travel keeps the
    /// problem's, a road network each road's). False when the hub is unknown or out of reach.
    @discardableResult
    public func set(hubCode: String, mode: TransportMode, _ setting: TransportSetting) throws -> Bool {
        let rows = try db.execute(
            """
            INSERT INTO hub_transport_modes (hub_id, mode, speed_kmh, overhead_minutes, access_minutes)
            SELECT id, \(mode), \(mode == .car ? nil : setting.speedKmh), \(setting.overheadMinutes), \(setting.accessMinutes)
            FROM hubs WHERE code = \(hubCode)
            ON CONFLICT (hub_id, mode) DO UPDATE SET speed_kmh = EXCLUDED.speed_kmh, overhead_minutes = EXCLUDED.overhead_minutes,
                access_minutes = EXCLUDED.access_minutes, updated_at = now()
            """)
        return rows > 0
    }

    /// Back to the defaults for one mode.
    public func reset(hubCode: String, mode: TransportMode) throws {
        try db.execute("DELETE FROM hub_transport_modes WHERE mode = \(mode) AND hub_id = (SELECT id FROM hubs WHERE code = \(hubCode))")
    }
}
