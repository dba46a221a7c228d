import CareModel
import CareStore

/// The market, Better Care Fund and spread reports that give several figures per period and hub
/// rather than one rate: each is a SQL function in `sql/0015_market.sql` returning `period_end`,
/// `hub` and the named columns below, with small groups suppressed in SQL.
public enum FigureReport: String, CaseIterable, Sendable {
    case waiting
    case handbacks
    case rateVsMinPrice = "rate-vs-min-price"
    case capacityVsDemand = "capacity-vs-demand"
    case packageSize = "package-size"
    case spendByFunder = "spend-by-funder"
    case pathwayMix = "pathway-mix"
    case sicknessSpread = "sickness-spread"

    /// One output column: the SQL name, a short heading and the decimals to print.
    public struct Column: Sendable, Equatable {
        public let name: String
        public let heading: String
        public let decimals: Int
    }

    /// The backing SQL function: a closed set of names fixed at compile time, so naming it in
    /// the statement text is safe; every value is still a parameter.
    var function: String { "report_" + String(rawValue.map { $0 == "-" ? "_" : $0 }) }

    /// One line for `report list`.
    public var definition: String {
        switch self {
        case .waiting: return "market: people and hours a week waiting for a package to start, median days"
        case .handbacks: return "market: packages handed back by providers, hours, share re-placed in 28 days"
        case .rateVsMinPrice: return "market: hours-weighted rate paid vs the Homecare Association minimum price"
        case .capacityVsDemand: return "market: contracted hours x contact ratio vs commissioned + waiting hours"
        case .packageSize: return "market: commissioned hours a week per person with an active package"
        case .spendByFunder: return "market: care hours delivered and their cost, by funding stream"
        case .pathwayMix: return "BCF Home First: discharges by pathway 0-3 (aim: most on 0 and 1, home)"
        case .sicknessSpread: return "HR: sickness days per person in 12 months: mean, median, share with none"
        }
    }

    /// The figures, in order.
    public var columns: [Column] {
        func c(_ name: String, _ heading: String, _ decimals: Int = 1) -> Column { Column(name: name, heading: heading, decimals: decimals) }
        switch self {
        case .waiting: return [c("people", "people", 0), c("hours", "hours/wk"), c("median_days", "median days"), c("home_first", "Home First", 0)]
        case .handbacks: return [c("packages", "packages", 0), c("people", "people", 0), c("hours", "hours/wk"), c("replaced_28d", "re-placed 28d %")]
        case .rateVsMinPrice:
            return [c("hours", "hours/wk"), c("mean_rate", "mean £/h", 2), c("min_price", "min price £", 2), c("gap", "gap £", 2),
                    c("below_min", "% below min"), c("below_cost", "% below cost")]
        case .capacityVsDemand:
            return [c("contracted", "contract h"), c("contact_ratio", "contact", 3), c("supply", "supply h"), c("demand", "demand h"),
                    c("ratio", "ratio", 2), c("gap", "gap h")]
        case .packageSize: return [c("people", "people", 0), c("mean_hours", "mean h/wk"), c("median_hours", "median h/wk")]
        case .spendByFunder: return [c("delivered_hours", "delivered h"), c("priced_hours", "priced h"), c("spend", "spend £", 2), c("share", "% of spend")]
        case .pathwayMix:
            return [c("discharges", "discharges", 0), c("pathway_0", "P0 %"), c("pathway_1", "P1 %"), c("pathway_2", "P2 %"), c("pathway_3", "P3 %")]
        case .sicknessSpread: return [c("people", "people", 0), c("mean_days", "mean days"), c("median_days", "median days"), c("none_percent", "% none")]
        }
    }

    /// The column an HTML page charts over time.
    public var headline: Int {
        switch self {
        case .waiting: return 1
        case .handbacks: return 2
        case .rateVsMinPrice: return 1
        case .capacityVsDemand: return 4
        case .packageSize: return 1
        case .spendByFunder: return 2
        case .pathwayMix: return 2
        case .sicknessSpread: return 1
        }
    }

    /// The unit of the headline column on a chart axis.
    var unit: String {
        switch self {
        case .rateVsMinPrice, .spendByFunder: return " £"
        case .pathwayMix: return "%"
        case .sicknessSpread: return " days"
        case .capacityVsDemand: return ""
        default: return " h"
        }
    }

    /// True when the hub column holds a group (hub and funding stream).
    public var grouped: Bool { self == .spendByFunder }

    /// The anchor metric a chart draws as its reference line, if any.
    public var anchorMetric: String? {
        switch self {
        case .rateVsMinPrice: return "hca_min_price_hour"
        case .packageSize: return "homecare_pkg_hours_week"
        case .sicknessSpread: return "sickness_days_mean"
        default: return nil
        }
    }

    /// Anchors printed under the table (beside the charted one).
    var notedAnchors: [String] {
        switch self {
        case .rateVsMinPrice: return ["hca_min_price_hour", "la_avg_fee_hour", "statutory_cost_floor_hour"]
        case .waiting: return ["people_waiting"]
        default: return anchorMetric.map { [$0] } ?? []
        }
    }

    /// One period and hub: the figures in `columns` order, nil where suppressed or unknown.
    public struct Row: Sendable, Equatable {
        public let periodEnd: LocalDate
        public let hub: String
        public let values: [Double?]
    }

    /// The report's rows for period ends from `from` to `to`.
    public func run(_ db: Connection, from: LocalDate, to: LocalDate, by: RateReport.Grain, hub: String?) throws -> [Row] {
        let list = columns.map { "\($0.name)::float8 AS \($0.name)" }.joined(separator: ", ")
        let query = SQLQuery(unsafeSQL: "SELECT period_end, hub, \(list) FROM \(function)($1::date, $2::date, $3, $4)",
                             binds: [from.sqlText, to.sqlText, by.rawValue, hub])
        return try db.query(query).rows.map { row in
            Row(periodEnd: try row.decode("period_end"), hub: try row.decode("hub"),
                values: try columns.map { try row.decode($0.name, as: Double?.self) })
        }
    }

    /// National figures to show with the report, from `anchors`.
    public func anchors(_ db: Connection) throws -> [RateReport.Anchor] {
        var out: [RateReport.Anchor] = []
        for metric in notedAnchors {
            out += try db.query("SELECT scope, value::float8 AS value, unit, period, source FROM anchors WHERE metric = \(metric) ORDER BY period DESC LIMIT 1").rows.map {
                RateReport.Anchor(scope: metric, value: try $0.decode("value"), unit: try $0.decode("unit"),
                                  period: try $0.decode("period"), source: try $0.decode("source"))
            }
        }
        return out
    }

    /// A figure as text with the column's decimals.
    public static func format(_ value: Double?, decimals: Int) -> String {
        guard let value else { return "-" }
        if decimals == 0 { return String(Int(value.rounded())) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let n = Int((abs(value) * scale).rounded())
        let whole = n / Int(scale), frac = String(n % Int(scale))
        return (value < 0 && n > 0 ? "-" : "") + "\(whole)." + String(repeating: "0", count: decimals - frac.count) + frac
    }

    /// The report as a terminal table (at most 100 columns), with its anchors.
    public func table(_ rows: [Row], anchors: [RateReport.Anchor]) -> String {
        var t = TextTable(headers: ["period end", grouped ? "group" : "hub"] + columns.map(\.heading),
                          rightAligned: Set(2..<(2 + columns.count)))
        for r in rows {
            t.add([r.periodEnd.description, r.hub] + zip(r.values, columns).map { FigureReport.format($0, decimals: $1.decimals) })
        }
        var out = "\(rawValue): \(definition)\n" + t.render() + "- means suppressed (under 10) or unknown.\n"
        for a in anchors {
            out += "National \(a.scope): \(FigureReport.format(a.value, decimals: a.unit == "pounds" ? 2 : 1)) \(a.unit) in \(a.period)\n    source: \(a.source)\n"
        }
        return out
    }

    /// One self-contained HTML page: the headline figure over time per hub (with its national
    /// anchor as the reference line), then the whole table.
    public func page(_ rows: [Row], anchors: [RateReport.Anchor], from: String, to: String) -> String {
        let esc = PrintableSheets.esc
        let title = "\(rawValue): \(from) to \(to)"
        let headline = columns[self.headline]
        var body = "<h1>\(esc(title))</h1><p>\(esc(definition))</p><h2>\(esc(headline.heading))</h2>"
        let series = rows.map { RateReport.Row(periodEnd: $0.periodEnd, hub: $0.hub, numerator: 0, denominator: 0, rate: $0.values[self.headline]) }
        body += RateReportHTML.chart(rows: series, anchor: anchors.first { $0.scope == anchorMetric }, unit: unit)
        body += "<table><tr><th>Period end</th><th>\(grouped ? "Group" : "Hub")</th>" + columns.map { "<th>\(esc($0.heading))</th>" }.joined() + "</tr>"
        for r in rows {
            body += "<tr><td>\(r.periodEnd)</td><td>\(esc(r.hub))</td>"
            body += zip(r.values, columns).map { "<td>\(FigureReport.format($0, decimals: $1.decimals))</td>" }.joined() + "</tr>"
        }
        body += "</table><p class=\"muted\">- means suppressed (fewer than 10) or unknown.</p>"
        for a in anchors {
            body += "<p class=\"muted\">National \(esc(a.scope)): \(FigureReport.format(a.value, decimals: 2)) \(esc(a.unit)) in \(esc(a.period)); \(esc(a.source))</p>"
        }
        return PrintableSheets.page(title, body)
    }
}
