import CareModel

/// Reads the period reports: each is a SQL function (`sql/0004_workforce.sql` …
/// `sql/0015_market.sql`) taking the first and last day, the grain and an optional hub, and
/// returning one row per period end and hub plus an `ALL` row. Groups under 10 are suppressed
/// in SQL (`carehub_suppressed`), so every figure read here is already safe to show.
public struct PeriodReportRepository {
    let db: Connection

    public init(_ db: Connection) { self.db = db }

    /// The days, grain and hub every period report is asked for.
    public struct Scope: Sendable, Equatable {
        public let from: LocalDate
        public let to: LocalDate
        public let grain: ReportGrain
        /// One hub's code, or nil for every hub and `ALL`.
        public let hub: String?

        public init(from: LocalDate, to: LocalDate, grain: ReportGrain = .month, hub: String? = nil) {
            (self.from, self.to, self.grain, self.hub) = (from, to, grain, hub)
        }
    }

    /// Rows of a rate function (numerator, denominator, rate), e.g. `report_turnover_sfc`.
    public func rates(_ function: String, _ scope: Scope) throws -> [RateRow] {
        let call = try self.call(function, scope)
        return try db.query("SELECT period_end, hub, numerator::float8 AS n, denominator::float8 AS d, rate::float8 AS rate FROM \(call)")
            .rows.map { row in
                RateRow(
                    periodEnd: try row.decode("period_end"), hub: try row.decode("hub"), numerator: try row.decode("n", as: Double?.self),
                    denominator: try row.decode("d", as: Double?.self), rate: try row.decode("rate", as: Double?.self))
            }
    }

    /// Rows of a duration function (count, median and 90th percentile days), e.g. `report_time_to_fill`.
    public func durations(_ function: String, _ scope: Scope) throws -> [DurationRow] {
        let call = try self.call(function, scope)
        return try db.query("SELECT period_end, hub, count, median::float8 AS median, p90::float8 AS p90 FROM \(call)").rows.map {
            DurationRow(
                periodEnd: try $0.decode("period_end"), hub: try $0.decode("hub"), count: try $0.decode("count", as: Int?.self),
                median: try $0.decode("median", as: Double?.self), p90: try $0.decode("p90", as: Double?.self))
        }
    }

    /// Leavers in the 12 months to each period end per `reason` or `destination` code, with the
    /// code's share of leavers suppressed under 10 leavers.
    public func leavers(by field: LeaverField, _ scope: Scope) throws -> [LeaversRow] {
        try db.query(
            """
            SELECT period_end, hub, code, leavers, all_leavers, voluntary,
                   carehub_suppressed(100.0 * leavers / nullif(all_leavers, 0), all_leavers)::float8 AS share
            FROM report_leavers_by(\(field.rawValue), \(scope.from)::date, \(scope.to)::date, \(scope.grain.rawValue), \(scope.hub))
            """
        ).rows.map {
            LeaversRow(
                periodEnd: try $0.decode("period_end"), hub: try $0.decode("hub"), code: try $0.decode("code"),
                leavers: try $0.decode("leavers"), allLeavers: try $0.decode("all_leavers"), voluntary: try $0.decode("voluntary"),
                share: try $0.decode("share", as: Double?.self))
        }
    }

    /// Application cohorts by month applied, counted at each stage; conversion suppressed under
    /// 10 applications. The grain does not apply: cohorts are always months.
    public func funnel(_ scope: Scope) throws -> [FunnelRow] {
        try db.query(
            """
            SELECT *, carehub_suppressed(100.0 * started / nullif(applied, 0), applied)::float8 AS overall
            FROM report_funnel(\(scope.from)::date, \(scope.to)::date, \(scope.hub))
            """
        ).rows.map { row in
            FunnelRow(
                cohort: try row.decode("cohort"), hub: try row.decode("hub"),
                counts: [
                    try row.decode("applied"), try row.decode("interviewed"), try row.decode("offered"), try row.decode("accepted"),
                    try row.decode("checks_cleared"), try row.decode("started"),
                ], overall: try row.decode("overall", as: Double?.self))
        }
    }

    /// Rows of a function returning several named figures, e.g. `report_waiting`.
    public func figures(_ function: String, columns: [String], _ scope: Scope) throws -> [FigureRow] {
        var select: SQLQuery = "SELECT period_end, hub"
        for column in columns {
            let name = try identifier(column)
            select.append(", \(name)::float8 AS \(name)")
        }
        let call = try self.call(function, scope)
        return try db.query(select + " FROM \(call)").rows.map { row in
            FigureRow(
                periodEnd: try row.decode("period_end"), hub: try row.decode("hub"),
                values: try columns.map { try row.decode($0, as: Double?.self) })
        }
    }

    /// National figures for these metrics, by metric, then scope, newest period first.
    public func anchors(_ metrics: [String]) throws -> [NationalAnchor] {
        if metrics.isEmpty { return [] }
        return try db.query(
            """
            SELECT metric, scope, value::float8 AS value, unit, period, source FROM anchors
            WHERE metric = ANY(\(metrics)) ORDER BY metric, scope, period DESC
            """
        ).rows.map {
            NationalAnchor(
                metric: try $0.decode("metric"), scope: try $0.decode("scope"), value: try $0.decode("value"),
                unit: try $0.decode("unit"), period: try $0.decode("period"), source: try $0.decode("source"))
        }
    }

    /// `function($from, $to, $grain, $hub)` with the name checked as an identifier.
    private func call(_ function: String, _ scope: Scope) throws -> SQLQuery {
        "\(try identifier(reportFunction(function)))(\(scope.from)::date, \(scope.to)::date, \(scope.grain.rawValue), \(scope.hub))"
    }

    /// Market and Better Care Fund reports a commissioner reads, through their twins that run for
    /// every hub and hide rows of one to four people (migration 0021).
    public static let commissionerReports: Set<String> = [
        "report_waiting", "report_handbacks", "report_package_size", "report_pathway_mix", "report_discharge_delay", "report_reablement_91",
        "report_delivered_hours", "report_undelivered_hours", "report_spend_by_funder", "report_rate_vs_min_price",
        "report_capacity_vs_demand", "report_readmission_30", "report_first_visit_24h",
        "report_discharge_to_visit",
    ]

    /// The function to call: a commissioner's twin when a commissioner acts, else the report
    /// itself (which the database refuses to anyone without the privileges it reads through).
    private func reportFunction(_ function: String) -> String {
        guard db.actingPerson?.role == .commissioner, Self.commissionerReports.contains(function) else { return function }
        return "commissioner_" + function
    }

    private func identifier(_ name: String) throws -> SQLIdentifier {
        guard let identifier = SQLIdentifier(name) else { throw ReportNameError(name: name) }
        return identifier
    }
}

/// A report function or column name that is not a plain SQL identifier: a programming error in
/// the report's definition, reported rather than sent to the server.
public struct ReportNameError: Error, CustomStringConvertible {
    public let name: String
    public var description: String { "report names a function or column that is not a plain identifier: \(name)" }
}
