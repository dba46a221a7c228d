import CareModel

/// Leavers in the 12 months to each period end, broken down by reason or by destination
/// (internal moves excluded), with each code's share of leavers and how many left voluntarily.
/// Shares are suppressed in SQL when a hub had fewer than 10 leavers, as counts that small
/// identify people.
public enum LeaversReport: String, CaseIterable, Sendable {
    case byReason = "leavers-by-reason"
    case byDestination = "leavers-by-destination"

    public var definition: String {
        switch self {
        case .byReason: return "leavers in 12 months by reason, share of leavers, voluntary"
        case .byDestination: return "leavers in 12 months by destination (care employer, NHS, retail…)"
        }
    }

    /// What the codes are, as `PeriodReportRepository.leavers` groups them.
    public var field: LeaverField { self == .byReason ? .reason : .destination }

    /// The report as one value: the long table, and bars per code for the latest period's `ALL` row.
    public func table(_ rows: [LeaversRow], from: LocalDate, to: LocalDate) -> ReportTable {
        var chart: ReportChart?
        if let last = rows.map(\.periodEnd).max() {
            let latest = rows.filter { $0.periodEnd == last && $0.hub == "ALL" }
            chart = .bars(
                heading: "All hubs, 12 months to \(last)",
                groups: latest.map { .init(label: $0.code, bars: [.init("leavers", Double($0.leavers))]) })
        }
        return ReportTable(
            name: rawValue, title: "\(rawValue): \(from) to \(to)", definition: definition,
            columns: [
                ReportColumn("period_end", "period end", .date), ReportColumn("hub", "hub", .text), ReportColumn("code", "code", .text),
                ReportColumn("leavers", "leavers", .int), ReportColumn("all_leavers", "all leavers", .int),
                ReportColumn("share_percent", "% of leavers", .percent), ReportColumn("voluntary", "voluntary", .int),
            ],
            rows: rows.map { r in
                [
                    .text(r.periodEnd.description), .text(r.hub), .text(r.code), .number(Double(r.leavers)), .number(Double(r.allLeavers)),
                    .suppressible(r.share), .number(Double(r.voluntary)),
                ]
            },
            suppressesSmallGroups: true, footnotes: ["Shares are suppressed where fewer than 10 left."], chart: chart)
    }
}
