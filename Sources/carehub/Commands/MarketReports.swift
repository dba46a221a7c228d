import ArgumentParser
import CareModel
import CareReports
import CareRostering
import CareStore

/// A report of several figures per period and hub (market, Home First, sickness spread), as a
/// subcommand; each is one tiny type naming its `FigureReport`.
protocol FigureReportCommand: ParsableCommand {
    static var report: FigureReport { get }
    var options: RateReportOptions { get }
}

extension FigureReportCommand {
    func run() throws {
        let o = options, report = Self.report
        try reportingFailures {
            let (db, a, b) = try o.prepare()
            let rows = try report.run(db, from: a, to: b, by: o.by, hub: o.hub)
            let anchors = try report.anchors(db)
            let text: String
            switch o.format {
            case .table: text = report.table(rows, anchors: anchors)
            case .html: text = report.page(rows, anchors: anchors, from: o.from, to: o.to)
            case .csv:
                text = try RosterCSV.write([["period_end", report.grouped ? "group" : "hub"] + report.columns.map(\.name)] + rows.map { r in
                    [r.periodEnd.description, r.hub] + r.values.map { $0.map { "\($0)" } ?? "" }
                })
            case .json:
                let items = rows.map { r -> String in
                    let fields = zip(report.columns, r.values).map { "\"\($0.name)\":\($1.map { "\($0)" } ?? "null")" }
                    return "{\"period_end\":\"\(r.periodEnd)\",\"hub\":\"\(jsonEscaped(r.hub))\"," + fields.joined(separator: ",") + "}"
                }
                let anchorItems = anchors.map { "{\"metric\":\"\($0.scope)\",\"value\":\($0.value),\"unit\":\"\($0.unit)\",\"period\":\"\(jsonEscaped($0.period))\"}" }
                text = "{\"rows\":[\(items.joined(separator: ","))],\"anchors\":[\(anchorItems.joined(separator: ","))]}\n"
            }
            try o.emit(text)
        }
    }
}

/// A string as the inside of a JSON string literal.
func jsonEscaped(_ s: String) -> String {
    var out = ""
    for ch in s.unicodeScalars {
        switch ch {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case _ where ch.value < 0x20: out += "\\u" + String(repeating: "0", count: 4 - String(ch.value, radix: 16).count) + String(ch.value, radix: 16)
        default: out.unicodeScalars.append(ch)
        }
    }
    return out
}

struct DeliveredHoursReport: RateReportCommand {
    static let report = RateReport.deliveredHours
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct UndeliveredHoursReport: RateReportCommand {
    static let report = RateReport.undeliveredHours
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct WaitingReport: FigureReportCommand {
    static let report = FigureReport.waiting
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct HandbacksReport: FigureReportCommand {
    static let report = FigureReport.handbacks
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct RateVsMinPriceReport: FigureReportCommand {
    static let report = FigureReport.rateVsMinPrice
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct CapacityVsDemandReport: FigureReportCommand {
    static let report = FigureReport.capacityVsDemand
    static let configuration = CommandConfiguration(
        commandName: report.rawValue, abstract: report.definition,
        discussion: "The contact-time ratio comes from the hub's published rosters for weeks starting in the 28 days to each period end; without one, supply is unknown (-).")
    @OptionGroup var options: RateReportOptions
}

struct PackageSizeReport: FigureReportCommand {
    static let report = FigureReport.packageSize
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct SpendByFunderReport: FigureReportCommand {
    static let report = FigureReport.spendByFunder
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct PathwayMixReport: FigureReportCommand {
    static let report = FigureReport.pathwayMix
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

struct SicknessSpreadReport: FigureReportCommand {
    static let report = FigureReport.sicknessSpread
    static let configuration = CommandConfiguration(commandName: report.rawValue, abstract: report.definition)
    @OptionGroup var options: RateReportOptions
}

/// `carehub report roster-retention`.
struct RosterRetentionReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster-retention",
        abstract: "leavers vs stayers: broken days, unpaid gaps, travel, evenings, contract",
        discussion: """
            Measures each carer's published rosters for weeks whose Monday falls from --from to --to, then compares \
            carers who left between --from and 91 days after --to with those who stayed. Groups under 10 carers are \
            suppressed. --by is ignored.
            """)
    @OptionGroup var options: RateReportOptions

    func run() throws {
        let o = options
        try reportingFailures {
            let (db, a, b) = try o.prepare()
            let (weeks, rows) = try RosterWorkflow.retention(db, from: a, to: b, hub: o.hub)
            if weeks == 0 { throw CommandFailure("no published roster for a week starting \(a) to \(b); publish one with `carehub roster publish`") }
            let names = RosterRetention.measureNames
            func value(_ x: Double?) -> String { x.map { "\(($0 * 100).rounded() / 100)" } ?? "" }
            let text: String
            switch o.format {
            case .table:
                text = "roster-retention: \(weeks) published hub-weeks; leavers: employment ends \(a) to \(b.adding(days: RosterWorkflow.leaverHorizonDays))\n"
                    + RosterRetention.table(rows) + "Means per carer; groups under 10 carers are suppressed.\n"
            case .html: text = RosterRetention.page(rows, from: o.from, to: o.to)
            case .csv:
                var lines = [["hub", "measure", "leavers", "stayers"]]
                for r in rows {
                    lines.append([r.hub, "carers", "\(r.leavers)", "\(r.stayers)"])
                    for (i, name) in names.enumerated() { lines.append([r.hub, name, value(r.leaverMeans[i]), value(r.stayerMeans[i])]) }
                }
                text = try RosterCSV.write(lines)
            case .json:
                let items = rows.map { r -> String in
                    let measures = names.enumerated().map { i, name in
                        "{\"measure\":\"\(name)\",\"leavers\":\(r.leaverMeans[i].map { "\($0)" } ?? "null"),\"stayers\":\(r.stayerMeans[i].map { "\($0)" } ?? "null")}"
                    }
                    return "{\"hub\":\"\(jsonEscaped(r.hub))\",\"leavers\":\(r.leavers),\"stayers\":\(r.stayers),\"measures\":[\(measures.joined(separator: ","))]}"
                }
                text = "{\"weeks\":\(weeks),\"rows\":[\(items.joined(separator: ","))]}\n"
            }
            try o.emit(text)
        }
    }
}
