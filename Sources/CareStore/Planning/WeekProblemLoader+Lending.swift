import CareModel

extension WeekProblemLoader {
    /// Pairs (home hub, hub lent to) among `hubCodes`, one per pair, of carers employed in `week`:
    /// the same carers and lendable hubs `load` reads, so hubs with no pair between them share no
    /// carer in any problem and can be solved apart.
    public func lendingLinks(hubCodes: [String], week: ISOWeek) throws -> [(from: String, to: String)] {
        let codes = hubCodes.sorted()
        let monday = week.monday
        let sunday = monday.adding(days: 6)
        return try db.query(
            """
            SELECT DISTINCT h.code AS home, lh.code AS lent
            FROM carers c JOIN hubs h ON h.id = c.hub_id
            JOIN carer_lendable_hubs l ON l.carer_id = c.id JOIN hubs lh ON lh.id = l.hub_id
            WHERE h.code = ANY(\(codes)::text[]) AND lh.code = ANY(\(codes)::text[]) AND lh.code <> h.code
              AND c.start_date <= \(sunday)::date AND (c.end_date IS NULL OR c.end_date >= \(monday)::date)
            ORDER BY 1, 2
            """
        ).rows.map { (try $0.decode("home"), try $0.decode("lent")) }
    }
}
