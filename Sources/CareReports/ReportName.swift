/// Every report carehub has, by name: the one list that `carehub report NAME` validates
/// against and that `report list` and `--help` print, in this order.
public enum ReportName: Hashable, Sendable, CaseIterable {
    case capacity
    case skills
    case rate(RateReport)
    case leavers(LeaversReport)
    case duration(DurationReport)
    case funnel
    case figure(FigureReport)
    case rosterRetention

    public static var allCases: [ReportName] {
        [.capacity, .skills] + RateReport.allCases.map(ReportName.rate) + LeaversReport.allCases.map(ReportName.leavers)
            + DurationReport.allCases.map(ReportName.duration) + [.funnel] + FigureReport.allCases.map(ReportName.figure)
            + [.rosterRetention]
    }

    /// The report with this name, if there is one.
    public init?(rawValue: String) {
        guard let found = ReportName.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = found
    }

    /// The name as typed, e.g. `turnover`.
    public var rawValue: String { entry.name }

    /// One line for `report list`.
    public var definition: String { entry.definition }

    /// Each report's name and definition, from the type that builds it.
    private var entry: (name: String, definition: String) {
        switch self {
        case .capacity: return (CapacityReport.name, CapacityReport.definition)
        case .skills: return (SkillsReport.name, SkillsReport.definition)
        case .rate(let r): return (r.rawValue, r.definition)
        case .leavers(let r): return (r.rawValue, r.definition)
        case .duration(let r): return (r.rawValue, r.definition)
        case .funnel: return (FunnelReport.name, FunnelReport.definition)
        case .figure(let r): return (r.rawValue, r.definition)
        case .rosterRetention: return (RosterRetention.name, RosterRetention.definition)
        }
    }

    /// True for the reports of one ISO week (`--week`); the others cover days (`--from`, `--to`).
    public var isWeekly: Bool { self == .capacity || self == .skills }

    /// True when the report has periods of a grain (`--by`); funnel cohorts are always months and
    /// roster-retention compares the whole span.
    public var takesGrain: Bool {
        switch self {
        case .capacity, .skills, .funnel, .rosterRetention: return false
        case .rate, .leavers, .duration, .figure: return true
        }
    }

    /// Every name with its definition, one line each, names padded to line up.
    public static var listing: String {
        let width = (allCases.map(\.rawValue.count).max() ?? 0) + 2
        return allCases.map { r in r.rawValue + String(repeating: " ", count: width - r.rawValue.count) + r.definition + "\n" }.joined()
    }
}
