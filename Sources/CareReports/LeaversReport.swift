import CareModel
import CareStore

/// Leavers in the 12 months to each period end, broken down by reason or by destination
/// (internal moves excluded), with each code's share of leavers and how many left voluntarily.
/// Shares are suppressed when a hub had fewer than 10 leavers, as counts that small identify people.
public enum LeaversReport: String, CaseIterable, Sendable {
    case byReason = "leavers-by-reason"
    case byDestination = "leavers-by-destination"

    public var definition: String {
        switch self {
        case .byReason: return "leavers in 12 months by reason, share of leavers, voluntary"
        case .byDestination: return "leavers in 12 months by destination (care employer, NHS, retail…)"
        }
    }

    var field: String { self == .byReason ? "reason" : "destination" }

    /// One code for one period end and hub.
    public struct Row: Sendable, Equatable {
        public let periodEnd: LocalDate
        public let hub: String
        public let code: String
        public let leavers: Int
        public let allLeavers: Int
        public let voluntary: Int

        /// Percent of all leavers, or nil when fewer than 10 left.
        public var share: Double? {
            allLeavers >= 10 ? (1000.0 * Double(leavers) / Double(allLeavers)).rounded() / 10 : nil
        }
    }

    public func run(_ db: Connection, from: LocalDate, to: LocalDate, by: RateReport.Grain, hub: String?) throws -> [Row] {
        try db.query("""
            SELECT period_end, hub, code, leavers, all_leavers, voluntary
            FROM report_leavers_by(\(field), \(from)::date, \(to)::date, \(by.rawValue), \(hub))
            """).rows.map {
            Row(periodEnd: try $0.decode("period_end"), hub: try $0.decode("hub"), code: try $0.decode("code"),
                leavers: try $0.decode("leavers"), allLeavers: try $0.decode("all_leavers"), voluntary: try $0.decode("voluntary"))
        }
    }
}

/// A leavers breakdown as a self-contained HTML page: a horizontal bar per code for the latest
/// period's ALL row (inline SVG), then the full table.
public enum LeaversReportHTML {
    public static func page(_ report: LeaversReport, rows: [LeaversReport.Row], from: String, to: String) -> String {
        let esc = PrintableSheets.esc
        var body = "<h1>\(esc(report.rawValue)): \(esc(from)) to \(esc(to))</h1><p>\(esc(report.definition))</p>"
        if let last = rows.map(\.periodEnd).max() {
            let latest = rows.filter { $0.periodEnd == last && $0.hub == "ALL" }
            let most = max(1, latest.map(\.leavers).max() ?? 1)
            var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"\(24 * latest.count + 10)\" role=\"img\">"
            for (i, r) in latest.enumerated() {
                let y = 5 + 24 * i
                let width = 400 * r.leavers / most
                svg += "<text x=\"150\" y=\"\(y + 15)\" text-anchor=\"end\" font-size=\"12\">\(esc(r.code))</text>"
                svg += "<rect class=\"bar\" x=\"160\" y=\"\(y + 3)\" width=\"\(width)\" height=\"16\" fill=\"#1f77b4\"/>"
                svg += "<text x=\"\(166 + width)\" y=\"\(y + 15)\" font-size=\"12\">\(r.leavers)</text>"
            }
            body += "<h2>All hubs, 12 months to \(last)</h2>" + svg + "</svg>"
        }
        body += "<table><tr><th>Period end</th><th>Hub</th><th>Code</th><th>Leavers</th><th>% of leavers</th><th>Voluntary</th></tr>"
        for r in rows {
            body += "<tr><td>\(r.periodEnd)</td><td>\(esc(r.hub))</td><td>\(esc(r.code))</td><td>\(r.leavers)</td>"
            body += "<td>\(r.share.map { "\($0)" } ?? "suppressed")</td><td>\(r.voluntary)</td></tr>"
        }
        return PrintableSheets.page(report.rawValue, body + "</table>")
    }
}
