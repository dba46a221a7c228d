/// The length of a report's periods: ISO weeks (Monday to Sunday), calendar months or quarters.
/// The SQL report functions take its raw value.
public enum ReportGrain: String, CaseIterable, Sendable {
    case week, month, quarter
}
