import CareModel
import CareReports
import CareStore

/// Every report built from small made-up rows of realistic size, with a leaving reason holding
/// `"` and `\`, so renderer tests can cover every report without a database.
enum ReportSamples {
    static let from = LocalDate(iso: "2026-01-01")!, to = LocalDate(iso: "2026-03-31")!
    static let ends = ["2026-01-31", "2026-02-28", "2026-03-31"].map { LocalDate(iso: $0)! }
    static let awkward = "Stoke \"North\" \\ East"
    static let hubs = ["STAF", "CANN", "ALL"]
    static let anchor = NationalAnchor(
        metric: "turnover_sfc", scope: "england_all", value: 23.1, unit: "percent", period: "2024/25",
        source: "Skills for Care, \"State of the sector\"")

    static func table(_ name: ReportName) -> ReportTable {
        let keys = ends.flatMap { end in hubs.map { (end, $0) } }
        switch name {
        case .capacity:
            let line = HubCapacityLine(
                hubCode: "STAF", hubName: "Stafford", carers: 123, zeroHoursCarers: 25, contractedMinutes: 240_000,
                availableMinutes: 250_123, absentCarers: 12, clients: 345, homeFirstClients: 21, calls: 4567,
                doubleUpCalls: 456, demandMinutes: 180_000)
            return CapacityReport.table([line], week: ISOWeek(iso: "2026-W48")!)
        case .skills:
            return SkillsReport.table(
                [SkillCoverageLine(hubCode: "STAF", skill: "medication", calls: 1234, carers: 56, expiredHolders: 3)],
                week: ISOWeek(iso: "2026-W48")!)
        case .rate(let r):
            let rows = keys.map { RateRow(periodEnd: $0, hub: $1, numerator: 1234.5, denominator: 23456.25, rate: $1 == "STAF" ? nil : 21.45) }
            return r.table(rows, anchors: [anchor], from: from, to: to)
        case .duration(let r):
            return r.table(keys.map { DurationRow(periodEnd: $0, hub: $1, count: 1234, median: 45.5, p90: nil) }, from: from, to: to)
        case .leavers(let r):
            let rows = keys.map { LeaversRow(periodEnd: $0, hub: $1, code: awkward, leavers: 12, allLeavers: 345, voluntary: 10, share: 3.5) }
            return r.table(rows, from: from, to: to)
        case .funnel:
            return FunnelReport.table(
                keys.map { FunnelRow(cohort: $0, hub: $1, counts: [1234, 900, 800, 700, 650, 600], overall: 48.6) },
                from: from, to: to)
        case .figure(let r):
            let values = r.columns.indices.map { $0 == 1 ? nil : 123.456 * Double($0 + 1) }
            return r.table(keys.map { FigureRow(periodEnd: $0, hub: $1, values: values) }, anchors: [], from: from, to: to)
        case .rosterRetention:
            let row = RosterRetention.Comparison(
                hub: "STAF", leavers: 12, stayers: 345, leaverMeans: [1.5, 123.4, 12.3, nil, 5.5, 32.1],
                stayerMeans: [1.2, 98.7, 10.1, 20.2, 3.3, 35.6])
            return RosterRetention.table([row], weeks: 13, from: from, to: to, leaversUntil: LocalDate(iso: "2026-06-30")!)
        }
    }
}
