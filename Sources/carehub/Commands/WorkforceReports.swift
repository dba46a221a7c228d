import ArgumentParser
import CareModel
import CareReports
import CareStore
import Foundation

extension RateReport.Grain: ExpressibleByArgument {}

/// Options every rate report takes.
struct RateReportOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions
    @Option(help: "First day, YYYY-MM-DD.") var from: String
    @Option(help: "Last day, YYYY-MM-DD.") var to: String
    @Option(help: "One hub's code (default: every hub and ALL).") var hub: String?
    @Option(help: "week, month or quarter.") var by: RateReport.Grain = .month
    @Option(help: "table, csv, json or html (a chart per hub with the national figure).") var format: Format = .table
    @Option(help: "Write here instead of stdout.") var out: String?

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json, html }

    func validate() throws {
        guard let a = LocalDate(iso: from) else { throw ValidationError("--from: not a date (YYYY-MM-DD)") }
        guard let b = LocalDate(iso: to) else { throw ValidationError("--to: not a date (YYYY-MM-DD)") }
        if a > b { throw ValidationError("--from \(from) is after --to \(to)") }
    }

    /// A connection and the validated dates, after checking the hub exists.
    func prepare() throws -> (db: Connection, from: LocalDate, to: LocalDate) {
        let db = try database.connect()
        let hubs = try HubRepository(db).all().map(\.hub.code)
        if let hub, !hubs.contains(hub) {
            throw CommandFailure("no hub \(hub); hubs are \(hubs.joined(separator: ", "))")
        }
        guard let a = LocalDate(iso: from), let b = LocalDate(iso: to) else { throw CommandFailure("--from and --to must be dates") }
        return (db, a, b)
    }

    /// Writes a report's text to --out or stdout.
    func emit(_ text: String) throws {
        if let out { try writeAtomically(Data(text.utf8), to: out) } else { print(text, terminator: "") }
    }

    /// Runs `report` and writes it in the chosen format.
    func run(_ report: RateReport) throws {
        try reportingFailures {
            let (db, a, b) = try prepare()
            let rows = try report.run(db, from: a, to: b, by: by, hub: hub)
            let anchors = try report.anchors(db)
            let text: String
            switch format {
            case .table: text = table(report, rows, anchors)
            case .csv: text = try RosterCSV.write([["period_end", "hub", report.columns.0, report.columns.1, report.isPercentage ? "rate_percent" : "per_person"]] + rows.map {
                    [$0.periodEnd.description, $0.hub, number($0.numerator), number($0.denominator), $0.rate.map(number) ?? ""]
                })
            case .json: text = json(rows, anchors)
            case .html: text = RateReportHTML.page(report, rows: rows, anchors: anchors, from: from, to: to)
            }
            try emit(text)
        }
    }

    private func table(_ report: RateReport, _ rows: [RateReport.Row], _ anchors: [RateReport.Anchor]) -> String {
        var t = TextTable(headers: ["period end", report == .turnoverByContract ? "group" : "hub", report.columns.0, report.columns.1, report.rateHeading],
                          rightAligned: [2, 3, 4])
        // Rates always with their decimals (25.0, not 25), so columns line up and read alike.
        let decimals = report.isPercentage ? "%.1f" : "%.2f"
        for r in rows {
            t.add([r.periodEnd.description, r.hub, number(r.numerator), number(r.denominator),
                   r.rate.map { String(format: decimals, $0) } ?? (r.denominator == 0 ? "-" : "suppressed")])
        }
        var out = "\(report.rawValue): \(report.definition)\n" + t.render()
        if report.isHours {
            out += "Hours are care hours: each carer's time on a double-up counts.\n"
        } else if report.isPercentage || report == .sickness {
            out += "Groups under 10 are suppressed, as Skills for Care does.\n"
        }
        for a in anchors {
            out += "National \(a.scope): \(number(a.value))\(a.unit == "percent" ? "%" : " \(a.unit)") in \(a.period)\n    source: \(a.source)\n"
        }
        return out
    }

    private func json(_ rows: [RateReport.Row], _ anchors: [RateReport.Anchor]) -> String {
        let items = rows.map { r in
            "{\"period_end\":\"\(r.periodEnd)\",\"hub\":\"\(r.hub)\",\"numerator\":\(number(r.numerator)),\"denominator\":\(number(r.denominator)),\"rate\":\(r.rate.map(number) ?? "null")}"
        }
        let anchorItems = anchors.map { "{\"scope\":\"\($0.scope)\",\"value\":\(number($0.value)),\"period\":\"\($0.period)\"}" }
        return "{\"rows\":[\(items.joined(separator: ","))],\"anchors\":[\(anchorItems.joined(separator: ","))]}\n"
    }

    private func number(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%.2f", x).replacingOccurrences(of: "0$", with: "", options: .regularExpression)
    }
}

/// A rate report as a subcommand; each report is one tiny type naming its `RateReport`.
protocol RateReportCommand: ParsableCommand {
    static var report: RateReport { get }
    var options: RateReportOptions { get }
}

extension RateReportCommand {
    func run() throws { try options.run(Self.report) }
}

struct TurnoverReport: RateReportCommand {
    static let report = RateReport.turnover
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct TurnoverCIPDReport: RateReportCommand {
    static let report = RateReport.turnoverCIPD
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct StabilityReport: RateReportCommand {
    static let report = RateReport.stability
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct StartersReport: RateReportCommand {
    static let report = RateReport.starters
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct VacanciesReport: RateReportCommand {
    static let report = RateReport.vacancies
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct ZeroHoursReport: RateReportCommand {
    static let report = RateReport.zeroHours
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct FirstYearTurnoverReport: RateReportCommand {
    static let report = RateReport.firstYearTurnover
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct SicknessReport: RateReportCommand {
    static let report = RateReport.sickness
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

/// `carehub report leavers-by-reason` / `leavers-by-destination`.
protocol LeaversReportCommand: ParsableCommand {
    static var report: LeaversReport { get }
    var options: RateReportOptions { get }
}

extension LeaversReportCommand {
    func run() throws {
        let o = options
        try reportingFailures {
            let (db, a, b) = try o.prepare()
            let rows = try Self.report.run(db, from: a, to: b, by: o.by, hub: o.hub)
            let text: String
            switch o.format {
            case .csv:
                text = try RosterCSV.write([["period_end", "hub", "code", "leavers", "all_leavers", "share_percent", "voluntary"]] + rows.map {
                    [$0.periodEnd.description, $0.hub, $0.code, "\($0.leavers)", "\($0.allLeavers)", $0.share.map { "\($0)" } ?? "", "\($0.voluntary)"]
                })
            case .json:
                let items = rows.map {
                    "{\"period_end\":\"\($0.periodEnd)\",\"hub\":\"\($0.hub)\",\"code\":\"\($0.code)\",\"leavers\":\($0.leavers),\"all_leavers\":\($0.allLeavers),\"share\":\($0.share.map { "\($0)" } ?? "null"),\"voluntary\":\($0.voluntary)}"
                }
                text = "{\"rows\":[\(items.joined(separator: ","))]}\n"
            case .html:
                text = LeaversReportHTML.page(Self.report, rows: rows, from: o.from, to: o.to)
            case .table:
                var t = TextTable(headers: ["period end", "hub", "code", "leavers", "% of leavers", "voluntary"], rightAligned: [3, 4, 5])
                for r in rows { t.add([r.periodEnd.description, r.hub, r.code, "\(r.leavers)", r.share.map { "\($0)" } ?? "suppressed", "\(r.voluntary)"]) }
                text = "\(Self.report.rawValue): \(Self.report.definition)\n" + t.render() + "Shares are suppressed where fewer than 10 left.\n"
            }
            try o.emit(text)
        }
    }
}

struct LeaversByReasonReport: LeaversReportCommand {
    static let report = LeaversReport.byReason
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct LeaversByDestinationReport: LeaversReportCommand {
    static let report = LeaversReport.byDestination
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct OfferAcceptanceReport: RateReportCommand {
    static let report = RateReport.offerAcceptance
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct Retention91Report: RateReportCommand {
    static let report = RateReport.retention91
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

/// `carehub report time-to-fill` / `time-to-hire`.
protocol DurationReportCommand: ParsableCommand {
    static var report: DurationReport { get }
    var options: RateReportOptions { get }
}

extension DurationReportCommand {
    func run() throws {
        let o = options
        try reportingFailures {
            let (db, a, b) = try o.prepare()
            let rows = try Self.report.run(db, from: a, to: b, by: o.by, hub: o.hub)
            func days(_ x: Double?) -> String { x.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? "suppressed" }
            let text: String
            switch o.format {
            case .csv:
                let body = rows.map { r -> [String] in
                    let median: String = r.median.map { "\($0)" } ?? "", p90: String = r.p90.map { "\($0)" } ?? ""
                    return [r.periodEnd.description, r.hub, String(r.count), median, p90]
                }
                text = try RosterCSV.write([["period_end", "hub", "count", "median_days", "p90_days"]] + body)
            case .json:
                let items = rows.map { r -> String in
                    let median = r.median.map { "\($0)" } ?? "null", p90 = r.p90.map { "\($0)" } ?? "null"
                    return "{\"period_end\":\"\(r.periodEnd)\",\"hub\":\"\(r.hub)\",\"count\":\(r.count),\"median_days\":\(median),\"p90_days\":\(p90)}"
                }
                text = "{\"rows\":[\(items.joined(separator: ","))]}\n"
            case .table, .html:
                var t = TextTable(headers: ["period end", "hub", "count", "median days", "90th pct days"], rightAligned: [2, 3, 4])
                for r in rows { t.add([r.periodEnd.description, r.hub, "\(r.count)", days(r.median), days(r.p90)]) }
                let table = "\(Self.report.rawValue): \(Self.report.definition)\n" + t.render() + "Medians of fewer than 10 are suppressed.\n"
                text = o.format == .table ? table : PrintableSheets.page(Self.report.rawValue, "<pre>\(PrintableSheets.esc(table))</pre>")
            }
            try o.emit(text)
        }
    }
}

struct TimeToFillReport: DurationReportCommand {
    static let report = DurationReport.timeToFill
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct TimeToHireReport: DurationReportCommand {
    static let report = DurationReport.timeToHire
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct Retention182Report: RateReportCommand {
    static let report = RateReport.retention182
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct Retention365Report: RateReportCommand {
    static let report = RateReport.retention365
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct LostAfterAcceptanceReport: RateReportCommand {
    static let report = RateReport.lostAfterAcceptance
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct TimeToStartReport: DurationReportCommand {
    static let report = DurationReport.timeToStart
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct CheckLagReport: DurationReportCommand {
    static let report = DurationReport.checkLag
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

/// `carehub report funnel`.
struct FunnelReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "funnel", abstract: "applications by month applied, counted at each stage, with conversions")
    @OptionGroup var options: RateReportOptions

    func run() throws {
        let o = options
        try reportingFailures {
            let (db, a, b) = try o.prepare()
            let rows = try FunnelReport.run(db, from: a, to: b, hub: o.hub)
            func pct(_ x: Double?) -> String { x.map { "\($0)" } ?? "" }
            let text: String
            switch o.format {
            case .csv:
                text = try RosterCSV.write([["cohort", "hub", "applied", "interviewed", "offered", "accepted", "checks_cleared", "started", "started_per_applied"]]
                    + rows.map { r in [r.cohort.description, r.hub] + r.counts.map(String.init) + [pct(r.overall)] })
            case .json:
                let items = rows.map { r -> String in
                    let counts = r.counts.map(String.init).joined(separator: ",")
                    return "{\"cohort\":\"\(r.cohort)\",\"hub\":\"\(r.hub)\",\"counts\":[\(counts)],\"started_per_applied\":\(r.overall.map { "\($0)" } ?? "null")}"
                }
                text = "{\"stages\":[\"applied\",\"interviewed\",\"offered\",\"accepted\",\"checks_cleared\",\"started\"],\"rows\":[\(items.joined(separator: ","))]}\n"
            case .html:
                text = FunnelReport.page(rows, from: o.from, to: o.to)
            case .table:
                var t = TextTable(headers: ["cohort", "hub", "applied", "interv.", "offered", "accepted", "cleared", "started", "started %"],
                                  rightAligned: Set(2...8))
                for r in rows { t.add([r.cohort.description, r.hub] + r.counts.map(String.init) + [r.overall.map { "\($0)" } ?? "suppressed"]) }
                text = "funnel: applications by month applied (cohorts shown once 90 days old)\n" + t.render()
                    + "Conversion is suppressed for cohorts under 10 applications.\n"
            }
            try o.emit(text)
        }
    }
}

struct CostPerHireReport: RateReportCommand {
    static let report = RateReport.costPerHire
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct LengthOfServiceReport: DurationReportCommand {
    static let report = DurationReport.lengthOfService
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct TurnoverByContractReport: RateReportCommand {
    static let report = RateReport.turnoverByContract
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct Reablement91Report: RateReportCommand {
    static let report = RateReport.reablement91
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct DischargeDelayReport: DurationReportCommand {
    static let report = DurationReport.dischargeDelay
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}
