import CareModel
import CareStore

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

    var function: String {
        switch self {
        case .timeToFill: return "report_time_to_fill"
        case .timeToHire: return "report_time_to_hire"
        case .timeToStart: return "report_time_to_start"
        case .checkLag: return "report_check_lag"
        case .lengthOfService: return "report_length_of_service"
        case .dischargeDelay: return "report_discharge_delay"
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
        }
    }

    /// One period and hub.
    public struct Row: Sendable, Equatable {
        public let periodEnd: LocalDate
        public let hub: String
        public let count: Int
        public let median: Double?
        public let p90: Double?
    }

    public func run(_ db: Connection, from: LocalDate, to: LocalDate, by: RateReport.Grain, hub: String?) throws -> [Row] {
        // The function name is one of a fixed set; values are parameters.
        let query = SQLQuery(
            unsafeSQL: "SELECT period_end, hub, count, median::float8 AS median, p90::float8 AS p90 FROM \(function)($1::date, $2::date, $3, $4)",
            binds: [from.sqlText, to.sqlText, by.rawValue, hub])
        return try db.query(query).rows.map {
            Row(periodEnd: try $0.decode("period_end"), hub: try $0.decode("hub"), count: try $0.decode("count"),
                median: try $0.decode("median", as: Double?.self), p90: try $0.decode("p90", as: Double?.self))
        }
    }
}
