import CareModel

extension RosterRepository {
    /// Every stored version of a hub's week with its status, oldest first (for a version picker).
    public func versions(hub: String, week: ISOWeek) throws -> [(version: Int, status: RosterStatus)] {
        try db.query(
            """
            SELECT r.version, r.status FROM rosters r JOIN hubs h ON h.id = r.hub_id
            WHERE h.code = \(hub) AND r.iso_week = \(week.description) ORDER BY r.version
            """
        ).rows.map { (try $0.decode("version"), try $0.decode("status")) }
    }
}
