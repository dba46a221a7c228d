import ArgumentParser
import CareModel
import CareReports
import Foundation

/// `carehub roster …`: roster files.
struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Work with carehub.roster/1 files.",
        subcommands: [Check.self, Show.self]
    )

    /// `carehub roster check`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a roster against its problem with carehub's independent checker.",
            discussion: "Recomputes every hard rule and the objective; exits 1 and lists the violations if any.")

        @Option(help: "The problem file.") var problem: String
        @Option(help: "The roster file.") var roster: String

        func run() throws {
            try reportingFailures {
                let week = try ProblemDecoder.load(path: problem)
                let parsed = try loadRoster(roster)
                let report = RosterChecker.check(parsed, against: week)
                if report.isValid {
                    print("\(roster): valid; objective \(report.objective.total)")
                } else {
                    for v in report.violations.prefix(50) { print("\(roster): \(v)") }
                    throw CommandFailure("\(roster): \(report.violations.count) violations")
                }
            }
        }
    }

    /// `carehub roster show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Review a roster file: coverage, unassigned reasons, travel, continuity, one carer's week.")

        @Option(help: "The problem file.") var problem: String
        @Option(help: "The roster file.") var roster: String
        @Option(help: "Show this carer's week (default: the carer with the most visits).") var carer: String?

        func run() throws {
            try reportingFailures {
                let week = try ProblemDecoder.load(path: problem)
                let parsed = try loadRoster(roster)
                let review = RosterReview(problem: week, roster: parsed)
                print(review.summary())
                var counts: [String: Int] = [:]
                for a in parsed.assignments { for c in a.carers { counts[c, default: 0] += 1 } }
                let busiest = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
                guard let id = carer ?? busiest else { return }
                guard let text = review.carerWeek(id) else { throw CommandFailure("no carer \(id) in \(problem)") }
                print(text, terminator: "")
            }
        }
    }
}

/// Reads a roster file, or fails naming the file.
func loadRoster(_ path: String) throws -> Roster {
    guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("\(path): cannot read the file") }
    do {
        return try Roster.decode(data)
    } catch {
        throw CommandFailure("\(path): not a \(Roster.format) document")
    }
}
