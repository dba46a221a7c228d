import ArgumentParser
import CareModel
import CareRostering
import CareSample
import CareSolver
import CareStore
import Foundation

/// `carehub problem …`: problem files.
struct ProblemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "problem",
        abstract: "Check or generate carehub.problem/1 files.",
        subcommands: [Check.self, Sample.self, Export.self]
    )

    /// `carehub problem check`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate a problem file without solving it.")

        @Argument(help: "The problem file.") var file: String

        func run() throws {
            try reportingFailures {
                let problem = try ProblemDecoder.load(path: file)
                let compiled = ProblemCompiler.compile(problem)
                let shifts = problem.carers.reduce(0) { $0 + $1.shifts.count }
                let doubles = problem.visits.filter { $0.carers > 1 }.count
                print(
                    "\(file): valid \(Problem.format): \(problem.hubs.count) hubs, \(problem.carers.count) carers (\(shifts) shifts), "
                        + "\(problem.clients.count) clients, \(problem.visits.count) visits (\(doubles) with 2+ carers), week of "
                        + "\(problem.weekStart), \(problem.timeZone)"
                )
                if !compiled.blockedReasons.isEmpty {
                    print("\(compiled.blockedReasons.count) visits cannot be staffed by any roster:")
                    for (v, reason) in compiled.blockedReasons.sorted(by: { $0.key < $1.key }).prefix(20) {
                        print("  \(problem.visits[v].id): \(reason)")
                    }
                }
            }
        }
    }

    /// `carehub problem sample`.
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a week of the sample county as a problem file (no database needed).")

        @Option(help: "Number of hubs (1–15).") var hubs = 1
        @Option(name: .customLong("clients-per-hub"), help: "Clients per hub.") var clientsPerHub = 80
        @Option(help: "Random seed of the county.") var seed: UInt64 = 1
        @Option(help: "ISO week, e.g. 2026-W48.") var week: ISOWeek = .next()
        @Option(help: "Write here instead of stdout.") var out: String?

        func validate() throws {
            let spec = SampleCountySpec(hubs: hubs, clientsPerHub: clientsPerHub, seed: seed, firstWeek: week, weeks: 1)
            if let issue = spec.validationIssues().first { throw ValidationError("--\(issue)") }
        }

        func run() throws {
            try reportingFailures {
                let county = SampleCountyGenerator.generate(
                    SampleCountySpec(hubs: hubs, clientsPerHub: clientsPerHub, seed: seed, firstWeek: week, weeks: 1))
                let data = try ProblemEncoder.encode(SampleProblem.make(county, week: week)) + Data("\n".utf8)
                if let out { try writeAtomically(data, to: out) } else { FileHandle.standardOutput.write(data) }
            }
        }
    }

    /// `carehub problem export`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the exact problem a stored roster was generated from (or today's, with --current).",
            discussion: "Replay any run: carehub solve --problem FILE --seed <its seed> gives the same roster with the same iterations.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var scope: HubWeek
        @Option(help: "Version (default: the newest).") var version: Int?
        @Flag(help: "Build the problem from today's data instead of a stored version.") var current = false
        @Option(help: "Write here instead of stdout.") var out: String?

        func run() throws {
            try reportingFailures {
                let db = try database.connect()
                let text: String
                if current {
                    guard try HubRepository(db).find(code: scope.hub) != nil else { throw CommandFailure(noHubsMessage(scope.hub)) }
                    text = try RosterWorkflow.currentProblem(db, hubs: [scope.hub], week: scope.week).1
                } else {
                    guard let stored = try RosterRepository(db).find(hub: scope.hub, week: scope.week, version: version) else {
                        throw CommandFailure("no roster for \(scope.hub) \(scope.week); use --current for today's data")
                    }
                    if stored.isHubSlice {
                        // Someone acting for a hub of a multi-hub run may not read the other hubs' part.
                        let hubs = stored.hubs.joined(separator: ", ")
                        let note = "note: \(scope.hub)'s part of a run over \(hubs); the whole run is for administrators\n"
                        FileHandle.standardError.write(Data(note.utf8))
                    }
                    text = stored.problemText
                }
                let data = Data(text.utf8)
                if let out { try writeAtomically(data, to: out) } else { FileHandle.standardOutput.write(data) }
            }
        }
    }
}
