import CareModel

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

        /// The column's kind, from its heading's unit.
        var kind: ReportColumnKind {
            if decimals == 0 { return .int }
            if heading.contains("%") { return .percent }
            if heading.contains("£") { return .pounds }
            if heading.contains("days") { return .days }
            if heading.hasSuffix(" h") || heading.contains("h/wk") || heading.contains("hours") { return .hours }
            return .decimal
        }
    }

    /// The backing SQL function, read by `PeriodReportRepository.figures`.
    public var function: String { "report_" + String(rawValue.map { $0 == "-" ? "_" : $0 }) }

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
        case .handbacks:
            return [c("packages", "packages", 0), c("people", "people", 0), c("hours", "hours/wk"), c("replaced_28d", "re-placed 28d %")]
        case .rateVsMinPrice:
            return [
                c("hours", "hours/wk"), c("mean_rate", "mean £/h", 2), c("min_price", "min price £", 2), c("gap", "gap £", 2),
                c("below_min", "% below min"), c("below_cost", "% below cost"),
            ]
        case .capacityVsDemand:
            return [
                c("contracted", "contract h"), c("contact_ratio", "contact", 3), c("supply", "supply h"), c("demand", "demand h"),
                c("ratio", "ratio", 2), c("gap", "gap h"),
            ]
        case .packageSize: return [c("people", "people", 0), c("mean_hours", "mean h/wk"), c("median_hours", "median h/wk")]
        case .spendByFunder:
            return [c("delivered_hours", "delivered h"), c("priced_hours", "priced h"), c("spend", "spend £", 2), c("share", "% of spend")]
        case .pathwayMix:
            return [c("discharges", "discharges", 0), c("pathway_0", "P0 %"), c("pathway_1", "P1 %"), c("pathway_2", "P2 %"), c("pathway_3", "P3 %")]
        case .sicknessSpread:
            return [c("people", "people", 0), c("mean_days", "mean days"), c("median_days", "median days"), c("none_percent", "% none")]
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
    public var notedAnchors: [String] {
        switch self {
        case .rateVsMinPrice: return ["hca_min_price_hour", "la_avg_fee_hour", "statutory_cost_floor_hour"]
        case .waiting: return ["people_waiting"]
        default: return anchorMetric.map { [$0] } ?? []
        }
    }

    /// The report as one value: the long table with the latest national figure of each noted
    /// metric (`anchors` may hold several periods per metric, newest first).
    public func table(_ rows: [FigureRow], anchors: [NationalAnchor], from: LocalDate, to: LocalDate) -> ReportTable {
        var latest: [NationalAnchor] = []
        for metric in notedAnchors {
            if let a = anchors.filter({ $0.metric == metric }).max(by: { $0.period < $1.period }) { latest.append(a) }
        }
        return ReportTable(
            name: rawValue, title: "\(rawValue): \(from) to \(to)", definition: definition,
            columns: [ReportColumn("period_end", "period end", .date), ReportColumn("hub", grouped ? "group" : "hub", .text)]
                + columns.map { ReportColumn($0.name, $0.heading, $0.kind, decimals: $0.decimals) },
            rows: rows.map { r in [.text(r.periodEnd.description), .text(r.hub)] + r.values.map(ReportCell.value) },
            anchors: latest, suppressesSmallGroups: true, footnotes: ["- means suppressed (under 10) or unknown."],
            chart: .lines(x: 0, series: 1, value: 2 + headline, anchorMetric: anchorMetric), pivot: ReportPivot(down: 0, across: 1))
    }
}
