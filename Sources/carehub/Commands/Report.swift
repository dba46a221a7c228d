import ArgumentParser
import CareReports
import Foundation

/// `carehub report NAME [options]`: every report, named from `ReportName`, in every format.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reports for hub managers, HR and commissioners.",
        usage: """
            carehub report list
            carehub report capacity|skills [--week W] [--hub H] [--format F] [--out FILE]
            carehub report NAME --from DATE --to DATE [--hub H] [--by week|month|quarter] [--format F] [--out FILE]
            """,
        discussion: "Reports: \(ReportChoice.reports)")

    @Argument(help: "A report's name, or `list` to define every report.", transform: ReportChoice.parse)
    var report: ReportChoice
    @OptionGroup var options: ReportOptions

    func validate() throws {
        if case .report(let name) = report { try options.validate(for: name) }
    }

    func run() throws {
        switch report {
        case .list:
            print(ReportName.listing, terminator: "")
        case .report(let name):
            try reportingFailures { try options.write(try options.load(name)) }
        }
    }
}

/// What `carehub report` was asked for: the list, or one report.
enum ReportChoice {
    case list
    case report(ReportName)

    /// Every word the argument accepts, in `report list` order, and where they are defined.
    static var reports: String {
        (["list"] + ReportName.allCases.map(\.rawValue)).joined(separator: ", ") + " (`carehub report list` defines each)"
    }

    /// The choice named `argument`, or a usage error listing every report.
    static func parse(_ argument: String) throws -> ReportChoice {
        if argument == "list" { return .list }
        guard let report = ReportName(rawValue: argument) else {
            throw ValidationError("unknown report '\(argument)'; reports: \(reports)")
        }
        return .report(report)
    }
}
