import ArgumentParser
import CareModel
import CareReports
import CareStore
import Foundation

extension ReportGrain: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}

/// The options of `carehub report NAME`: the week (weekly reports) or the days, grain and hub
/// (period reports), and where and how to write the report. Which apply depends on the report,
/// so `validate(for:)` checks them once the name is known.
struct ReportOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions
    @Option(help: "capacity and skills: ISO week, e.g. 2026-W48 (default: next week).") var week: ISOWeek?
    @Option(help: "Other reports: first day, YYYY-MM-DD.") var from: String?
    @Option(help: "Other reports: last day, YYYY-MM-DD.") var to: String?
    @Option(help: "One hub's code (default: every hub, and ALL).") var hub: String?
    @Option(help: "Period length for reports by period: week, month or quarter (default: month).") var by: ReportGrain?
    @Option(help: "table, csv, json or html (a page with a chart).") var format: ReportFormat = .table
    @Option(help: "Write here instead of stdout.") var out: String?

    /// Usage errors for `report`: options it does not take, missing or reversed days.
    func validate(for report: ReportName) throws {
        let name = report.rawValue
        if report.isWeekly {
            if from != nil || to != nil || by != nil { throw ValidationError("\(name) covers one week: use --week, not --from/--to/--by") }
            return
        }
        if week != nil { throw ValidationError("\(name) covers days: use --from and --to, not --week") }
        if by != nil && !report.takesGrain { throw ValidationError("\(name) does not take --by") }
        guard let from, let to else { throw ValidationError("\(name) needs --from and --to (YYYY-MM-DD)") }
        guard let a = LocalDate(iso: from) else { throw ValidationError("--from: not a date (YYYY-MM-DD)") }
        guard let b = LocalDate(iso: to) else { throw ValidationError("--to: not a date (YYYY-MM-DD)") }
        if a > b { throw ValidationError("--from \(from) is after --to \(to)") }
    }

    /// Writes a report's text in the chosen format to --out or stdout.
    func write(_ report: ReportTable) throws {
        let text = try format.render(report)
        if let out { try writeAtomically(Data(text.utf8), to: out) } else { print(text, terminator: "") }
    }
}
