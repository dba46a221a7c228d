import CareReports
import CareStore

/// The hubs a person's report pages cover: their own (HR, managers), or every hub for a
/// commissioner, who belongs to none and reads totals for all.
struct ReportHubs {
    /// Every hub's code (the `hubs` table is readable by every role).
    let all: [String]
    /// The codes the person may choose and see, in code order.
    let mine: [String]

    /// Reads the hubs inside the acting transaction.
    static func read(_ db: Connection, for session: WebSession) throws -> ReportHubs {
        let all = try HubRepository(db).all().map(\.hub.code)
        return ReportHubs(all: all, mine: session.hubCodes.isEmpty ? all : all.filter(session.hubCodes.contains))
    }

    /// The table without rows of hubs that are not the person's. Some report functions cross
    /// join `hubs`, so another hub comes back as a row of zeros (row-level security hid its
    /// records, not its name): those zeros are not that hub's figures, and not the person's to
    /// show. A group such as `STAF zero-hours` belongs to its first word's hub; `ALL` stays.
    func keepingMine(_ table: ReportTable) -> ReportTable {
        let others = Set(all).subtracting(mine)
        guard !others.isEmpty, let column = table.columns.firstIndex(where: { $0.key == "hub" }) else { return table }
        var kept = table
        kept.rows = table.rows.filter { row in
            guard let series = row[column].text else { return true }
            return !others.contains(String(series.prefix { $0 != " " }))
        }
        return kept
    }
}
