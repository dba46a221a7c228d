import CareModel

/// Recruitment durations per period (the calendar month or quarter ending on each period
/// end) and hub: how many, and the median and 90th percentile of the days taken, suppressed
/// below 10. Backed by SQL functions in `sql/0006_recruitment.sql`.
public enum DurationReport: String, CaseIterable, Sendable {
    case timeToFill = "time-to-fill"
    case timeToHire = "time-to-hire"
    case timeToStart = "time-to-start"
    case checkLag = "check-lag"
    case lengthOfService = "length-of-service"
    case dischargeDelay = "discharge-delay"
    case dischargeToVisit = "discharge-to-visit"

    /// The backing SQL function, read by `PeriodReportRepository.durations`.
    public var function: String {
        switch self {
        case .timeToFill: return "report_time_to_fill"
        case .timeToHire: return "report_time_to_hire"
        case .timeToStart: return "report_time_to_start"
        case .checkLag: return "report_check_lag"
        case .lengthOfService: return "report_length_of_service"
        case .dischargeDelay: return "report_discharge_delay"
        case .dischargeToVisit: return "report_discharge_to_visit"
        }
    }

    public var definition: String {
        switch self {
        case .timeToFill: return "days from a vacancy opening to an offer accepted, for vacancies filled"
        case .timeToHire: return "days from application to offer accepted, for offers accepted"
        case .timeToStart: return "days from a vacancy opening to its hire's first day, for hires starting"
        case .checkLag: return "days from offer accepted to pre-employment checks cleared"
        case .lengthOfService: return "days in post of directly employed staff at each period end"
        case .dischargeDelay: return "BCF: days from discharge-ready date to discharge"
        case .dischargeToVisit: return "Home First: hours from discharge to the first visit (journeys)"
        }
    }

    /// The report as one value, titled with the days it covers.
    public func table(_ rows: [DurationRow], from: LocalDate, to: LocalDate) -> ReportTable {
        ReportTable(
            name: rawValue, title: "\(rawValue): \(from) to \(to)", definition: definition,
            columns: [
                ReportColumn("period_end", "period end", .date), ReportColumn("hub", "hub", .text), ReportColumn("count", "count", .int),
                self == .dischargeToVisit
                    ? ReportColumn("median_hours", "median hours", .hours) : ReportColumn("median_days", "median days", .days),
                self == .dischargeToVisit
                    ? ReportColumn("p90_hours", "90th pct hours", .hours) : ReportColumn("p90_days", "90th pct days", .days),
            ],
            rows: rows.map { r in
                [
                    .text(r.periodEnd.description), .text(r.hub), .suppressible(r.count.map(Double.init)), .suppressible(r.median),
                    .suppressible(r.p90),
                ]
            },
            suppressesSmallGroups: true, footnotes: ["Medians of fewer than 10 are suppressed."],
            chart: .lines(x: 0, series: 1, value: 3, anchorMetric: nil), pivot: ReportPivot(down: 0, across: 1))
    }
}
