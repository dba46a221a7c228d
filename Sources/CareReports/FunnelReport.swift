import CareModel

/// The recruitment funnel by application cohort (the month applied): how many applications
/// reached each stage, and overall conversion (started ÷ applied). Cohorts appear once 90 days
/// old. Conversion of cohorts under 10 applications is suppressed in SQL.
public enum FunnelReport {
    /// The report's name on the command line.
    public static let name = "funnel"
    public static let definition = "applications by month applied, counted at each stage, with conversions"
    /// The stages, in order: headings, and keys for CSV and JSON.
    public static let stages = ["applied", "interviewed", "offered", "accepted", "checks cleared", "started"]
    static let headings = ["applied", "interv.", "offered", "accepted", "cleared", "started"]

    /// The report as one value: the long table, and funnel bars for all cohorts together (the
    /// `ALL` rows summed).
    public static func table(_ rows: [FunnelRow], from: LocalDate, to: LocalDate) -> ReportTable {
        let all = rows.filter { $0.hub == "ALL" }
        let totals = stages.indices.map { i in all.reduce(0) { $0 + $1.counts[i] } }
        let stageColumns = zip(stages, headings).map { ReportColumn($0.replacingSpaces(), $1, .int) }
        return ReportTable(
            name: name, title: "\(name): cohorts \(from) to \(to), shown once 90 days old", definition: definition,
            columns: [ReportColumn("cohort", "cohort", .date), ReportColumn("hub", "hub", .text)] + stageColumns
                + [ReportColumn("started_per_applied", "started %", .percent)],
            rows: rows.map { r in [.text(r.cohort.description), .text(r.hub)] + r.counts.map { .number(Double($0)) } + [.suppressible(r.overall)] },
            suppressesSmallGroups: true, footnotes: ["Conversion is suppressed for cohorts under 10 applications."],
            chart: .bars(
                heading: "All cohorts, all hubs",
                groups: zip(stages, totals).map { .init(label: $0, bars: [.init("applications", Double($1))]) }))
    }
}

extension String {
    /// `checks cleared` → `checks_cleared`, for CSV and JSON keys.
    fileprivate func replacingSpaces() -> String { String(map { $0 == " " ? "_" : $0 }) }
}
