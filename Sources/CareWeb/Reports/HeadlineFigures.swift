import CareModel
import CareReports
import CareRostering
import CareStore

/// The few figures a landing page shows: one column of a report, per hub, at the latest period
/// that has a figure for all hubs together, beside the national figure the report itself carries
/// (from the `anchors` table). Read through `ReportLoader`, so each matches its full report page.
struct HeadlineFigure {
    let report: ReportName
    /// The column's key, e.g. `rate`.
    let column: String
    /// What people call it, e.g. `Turnover`.
    let label: String
    /// The national figure to show beside it, by `anchors` metric, when one measures the same
    /// thing (the report may carry anchors of its other columns).
    var national: String? = nil

    /// One figure, worked out from its report.
    struct Shown {
        let figure: HeadlineFigure
        /// The period end the values are at, or nil when the report had no rows.
        let periodEnd: String?
        /// Displayed value by hub (or `ALL`).
        let values: [String: String]
        /// The newest national figure of `national` (first scope), as the report carries it.
        let national: NationalAnchor?
    }

    /// Picks the figure out of its report's table: the latest period whose `ALL` row has a
    /// number (else the latest period), every hub's cell at that period end.
    func shown(in table: ReportTable) -> Shown {
        guard let index = table.columns.firstIndex(where: { $0.key == column }) else {
            return Shown(figure: self, periodEnd: nil, values: [:], national: nationalAnchor(table))
        }
        let periods = ReportHTMLRenderer.ordered(table.rows.compactMap { $0[0].text }).sorted()
        let withFigure = periods.filter { p in table.rows.contains { $0[0].text == p && $0[1].text == "ALL" && $0[index].number != nil } }
        guard let latest = withFigure.last ?? periods.last else {
            return Shown(figure: self, periodEnd: nil, values: [:], national: nationalAnchor(table))
        }
        var values: [String: String] = [:]
        for row in table.rows where row[0].text == latest {
            values[row[1].text ?? ""] = ReportNumber.display(row[index], table.columns[index])
        }
        return Shown(figure: self, periodEnd: latest, values: values, national: nationalAnchor(table))
    }

    /// The report's anchor for this figure's metric, newest period first within the first scope.
    private func nationalAnchor(_ table: ReportTable) -> NationalAnchor? {
        guard let national else { return nil }
        return table.anchors.first { $0.metric == national }
    }

    /// Loads each figure's report for `query` in one acting transaction.
    static func load(_ figures: [HeadlineFigure], query: ReportQuery, pool: DatabasePool, session: WebSession) async throws -> [Shown] {
        try await pool.acting(for: session) { db in
            let hubs = try ReportHubs.read(db, for: session)
            return try figures.map { f in
                let table = try ReportLoader.load(f.report, db, .init(week: ISOWeek(containing: query.to), scope: query.scope))
                return f.shown(in: hubs.keepingMine(table))
            }
        }
    }
}
