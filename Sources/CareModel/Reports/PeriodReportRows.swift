/// One period end and hub of a rate report: numerator, denominator and their rate.
public struct RateRow: Sendable, Equatable {
    public let periodEnd: LocalDate
    public let hub: String
    /// The numerator and denominator, or nil where a commissioner's twin hides a row of one to
    /// four people (`sql/0021_commissioner_reports.sql`).
    public let numerator: Double?
    public let denominator: Double?
    /// The rate, or nil when suppressed (a group under 10) or the denominator is 0.
    public let rate: Double?

    public init(periodEnd: LocalDate, hub: String, numerator: Double?, denominator: Double?, rate: Double?) {
        (self.periodEnd, self.hub, self.numerator, self.denominator, self.rate) = (periodEnd, hub, numerator, denominator, rate)
    }
}

/// One period end and hub of a duration report: how many, and the median and 90th percentile of
/// the days taken (nil when suppressed).
public struct DurationRow: Sendable, Equatable {
    public let periodEnd: LocalDate
    public let hub: String
    /// How many, or nil where a commissioner's twin hides a count of one to four.
    public let count: Int?
    public let median: Double?
    public let p90: Double?

    /// Memberwise, for building values in tests and callers outside the store.
    public init(periodEnd: LocalDate, hub: String, count: Int?, median: Double?, p90: Double?) {
        (self.periodEnd, self.hub, self.count, self.median, self.p90) = (periodEnd, hub, count, median, p90)
    }
}

/// What a leavers breakdown groups by: the leaving reason or the destination code.
public enum LeaverField: String, Sendable { case reason, destination }

/// One leaving reason (or destination) code for one period end and hub.
public struct LeaversRow: Sendable, Equatable {
    public let periodEnd: LocalDate
    public let hub: String
    public let code: String
    public let leavers: Int
    public let allLeavers: Int
    public let voluntary: Int
    /// Percent of all leavers, or nil when fewer than 10 left (suppressed in SQL).
    public let share: Double?

    /// Memberwise, for building values in tests and callers outside the store.
    public init(periodEnd: LocalDate, hub: String, code: String, leavers: Int, allLeavers: Int, voluntary: Int, share: Double?) {
        (self.periodEnd, self.hub, self.code) = (periodEnd, hub, code)
        (self.leavers, self.allLeavers, self.voluntary, self.share) = (leavers, allLeavers, voluntary, share)
    }
}

/// One application cohort (the month applied) and hub of the recruitment funnel.
public struct FunnelRow: Sendable, Equatable {
    public let cohort: LocalDate
    public let hub: String
    /// Applications reaching each stage: applied, interviewed, offered, accepted, checks cleared, started.
    public let counts: [Int]
    /// started ÷ applied in percent, or nil for a cohort under 10 applications (suppressed in SQL).
    public let overall: Double?

    /// Memberwise, for building values in tests and callers outside the store.
    public init(cohort: LocalDate, hub: String, counts: [Int], overall: Double?) {
        (self.cohort, self.hub, self.counts, self.overall) = (cohort, hub, counts, overall)
    }
}

/// One period end and hub (or group) of a report with several figures.
public struct FigureRow: Sendable, Equatable {
    public let periodEnd: LocalDate
    public let hub: String
    /// The figures in the order asked for; nil where suppressed or unknown.
    public let values: [Double?]

    /// Memberwise, for building values in tests and callers outside the store.
    public init(periodEnd: LocalDate, hub: String, values: [Double?]) {
        (self.periodEnd, self.hub, self.values) = (periodEnd, hub, values)
    }
}

/// A national figure from the `anchors` table, drawn beside local ones.
public struct NationalAnchor: Sendable, Equatable {
    public let metric: String
    public let scope: String
    public let value: Double
    public let unit: String
    public let period: String
    public let source: String

    public init(metric: String, scope: String, value: Double, unit: String, period: String, source: String) {
        (self.metric, self.scope, self.value, self.unit, self.period, self.source) = (metric, scope, value, unit, period, source)
    }
}
