import ArgumentParser
import CareModel
import CareReports
import CareRostering
import CareStore
import Foundation

/// `carehub roster …`: roster files.
struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Work with carehub.roster/1 files.",
        subcommands: [Generate.self, Show.self, Diff.self, Publish.self, Export.self, Pin.self, Unpin.self, Check.self]
    )

    /// `carehub roster check`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a roster against its problem with carehub's independent checker.",
            discussion: "Recomputes every hard rule, the objective and the counts in the roster's metrics; exits 1 and lists the violations if any.")

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
            abstract: "Review a roster: coverage, unassigned reasons, travel, continuity, working time; a carer's or client's week.",
            discussion: "Either a stored version (--hub, --week, optional --version; default the newest) or files (--problem and --roster).")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Hub code (stored rosters).") var hub: String?
        @Option(help: "ISO week (stored rosters).") var week: ISOWeek?
        @Option(help: "Version (default: the newest).") var version: Int?
        @Option(help: "A problem file (file mode).") var problem: String?
        @Option(help: "A roster file (file mode).") var roster: String?
        @Option(help: "Show this carer's week (default: the carer with the most visits).") var carer: String?
        @Option(help: "Show who comes to this client, when.") var client: String?
        @Option(help: "table, csv, json or html (the hub grid, or the carer's printable sheet with --carer).") var format: OutputFormat = .table

        enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json, html }

        func validate() throws {
            let fileMode = problem != nil || roster != nil
            let dbMode = hub != nil || week != nil
            if fileMode == dbMode || (fileMode && (problem == nil || roster == nil)) || (dbMode && (hub == nil || week == nil)) {
                throw ValidationError("give --hub and --week (a stored roster) or --problem and --roster (files)")
            }
        }

        func run() throws {
            try reportingFailures {
                let (week, parsed, header) = try load()
                switch format {
                case .json:
                    print(String(decoding: try parsed.encoded(), as: UTF8.self))
                case .csv:
                    print(try RosterCSV.assignments(problem: week, roster: parsed), terminator: "")
                case .html:
                    let handout = try handout(week, parsed)
                    if let carer {
                        guard handout.problem.carers.contains(where: { $0.id == carer }) else {
                            throw CommandFailure("no carer \(carer) in this roster's problem")
                        }
                        print(PrintableSheets.carerSheet(handout, carer: carer), terminator: "")
                    } else {
                        print(PrintableSheets.hubOverview(handout), terminator: "")
                    }
                case .table:
                    let review = RosterReview(problem: week, roster: parsed, hub: hub)
                    if let header { print(header) }
                    print(review.summary(), terminator: "")
                    print(WorkingTimeWarnings.text(problem: week, roster: parsed), terminator: "")
                    print(review.contractTable())
                    if let client {
                        guard let text = review.clientWeek(client) else { throw CommandFailure("no client \(client) in this roster's problem") }
                        // One client's record read from the database: recorded for "who looked at this record".
                        if header != nil, try !AuditRepository(try database.connect()).recordClientRead(externalID: client) {
                            throw CommandFailure("no client \(client) in your hubs")
                        }
                        print(text, terminator: "")
                        return
                    }
                    var counts: [String: Int] = [:]
                    for a in parsed.assignments { for c in a.carers { counts[c, default: 0] += 1 } }
                    let busiest = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
                    guard let id = carer ?? busiest else { return }
                    guard let text = review.carerWeek(id) else { throw CommandFailure("no carer \(id) in this roster's problem") }
                    print(text, terminator: "")
                }
            }
        }

        /// Display details from the database for stored rosters; identifiers only for files.
        private func handout(_ problem: Problem, _ roster: Roster) throws -> Handout {
            if let hub, let week,
                let stored = try RosterRepository(try database.connect()).find(hub: hub, week: week, version: version, documents: .hub)
            {
                // A carer's sheet carries their visits' care-plan tasks; the overview does not.
                return try RosterWorkflow.handout(try database.connect(), stored, withTasks: carer != nil, tasksOf: carer)
            }
            return Handout(
                hub: problem.hubs.map(\.id).joined(separator: ","), week: ISOWeek(containing: problem.weekStart).description,
                version: 0, problem: problem, roster: roster, carerNames: [:], clientFirstNames: [:], clientAreas: [:])
        }

        private func load() throws -> (Problem, Roster, String?) {
            if let problem, let roster {
                return (try ProblemDecoder.load(path: problem), try loadRoster(roster), nil)
            }
            guard let hub, let week else { throw CommandFailure("give --hub and --week") }
            let db = try database.connect()
            guard let stored = try RosterRepository(db).find(hub: hub, week: week, version: version, documents: .hub) else {
                throw CommandFailure(
                    "no roster for \(hub) \(week)\(version.map { " version \($0)" } ?? ""); run `carehub roster generate --hub \(hub) --week \(week)`"
                )
            }
            let (p, r) = try RosterWorkflow.documents(stored)
            var header = "\(hub) \(week) version \(stored.version) (\(stored.status.rawValue)), seed \(stored.seed)"
            if stored.hubs.count > 1 {
                header += "\ngenerated with \(stored.hubs.joined(separator: ", ")): travel and continuity figures cover all of them"
            }
            return (p, r, header)
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
