import CareModel
import CareStore

/// The recruitment funnel by application cohort (the month applied): how many applications
/// reached each stage, step conversions and overall conversion (started ÷ applied). Cohorts
/// appear once 90 days old. Conversions of cohorts under 10 applications are suppressed.
public enum FunnelReport {
    /// The stages, in order.
    public static let stages = ["applied", "interviewed", "offered", "accepted", "checks cleared", "started"]

    /// One cohort and hub.
    public struct Row: Sendable, Equatable {
        public let cohort: LocalDate
        public let hub: String
        /// Counts per stage, in `stages` order.
        public let counts: [Int]

        /// started ÷ applied in percent, or nil under 10 applications.
        public var overall: Double? { rate(counts[5], counts[0]) }
        /// Stage-to-stage conversions (interviewed ÷ applied …), nil under 10 applications.
        public var steps: [Double?] { (1..<counts.count).map { rate(counts[$0], counts[$0 - 1]) } }

        func rate(_ n: Int, _ d: Int) -> Double? {
            counts[0] >= 10 && d > 0 ? (1000.0 * Double(n) / Double(d)).rounded() / 10 : nil
        }
    }

    public static func run(_ db: Connection, from: LocalDate, to: LocalDate, hub: String?) throws -> [Row] {
        try db.query("SELECT * FROM report_funnel(\(from)::date, \(to)::date, \(hub))").rows.map { row in
            Row(cohort: try row.decode("cohort"), hub: try row.decode("hub"), counts: [
                try row.decode("applied"), try row.decode("interviewed"), try row.decode("offered"), try row.decode("accepted"),
                try row.decode("checks_cleared"), try row.decode("started"),
            ])
        }
    }

    /// A self-contained HTML page: funnel bars for all cohorts together (the ALL rows summed),
    /// then the table.
    public static func page(_ rows: [Row], from: String, to: String) -> String {
        let esc = PrintableSheets.esc
        let all = rows.filter { $0.hub == "ALL" }
        let totals = stages.indices.map { i in all.reduce(0) { $0 + $1.counts[i] } }
        let top = max(1, totals.first ?? 1)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"\(24 * stages.count + 10)\" role=\"img\">"
        for (i, stage) in stages.enumerated() {
            let y = 5 + 24 * i, width = 400 * totals[i] / top
            svg += "<text x=\"150\" y=\"\(y + 15)\" text-anchor=\"end\" font-size=\"12\">\(esc(stage))</text>"
            svg += "<rect class=\"bar\" x=\"160\" y=\"\(y + 3)\" width=\"\(width)\" height=\"16\" fill=\"#2ca02c\"/>"
            svg += "<text x=\"\(166 + width)\" y=\"\(y + 15)\" font-size=\"12\">\(totals[i])</text>"
        }
        svg += "</svg>"
        var body = "<h1>Recruitment funnel: cohorts \(esc(from)) to \(esc(to))</h1>"
        body += "<p>Applications by month applied, counted at each stage reached; cohorts appear once 90 days old.</p>"
        body += "<h2>All cohorts, all hubs</h2>" + svg
        body += "<table><tr><th>Cohort</th><th>Hub</th>" + stages.map { "<th>\(esc($0))</th>" }.joined() + "<th>Started / applied</th></tr>"
        for r in rows {
            body += "<tr><td>\(r.cohort)</td><td>\(esc(r.hub))</td>" + r.counts.map { "<td>\($0)</td>" }.joined()
            body += "<td>\(r.overall.map { "\($0)%" } ?? "suppressed")</td></tr>"
        }
        return PrintableSheets.page("Recruitment funnel", body + "</table>")
    }
}
