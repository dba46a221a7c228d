import ArgumentParser
import CareModel
import CareReports
import CareRostering
import CareSolver
import CareStore
import Foundation

/// The hub and week a roster command works on.
struct HubWeek: ParsableArguments {
    @Option(help: "Hub code.") var hub: String
    @Option(help: "ISO week, e.g. 2026-W48.") var week: ISOWeek
}

extension RosterCommand {
    /// `carehub roster generate`.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the week's problem from the database, solve it and store a new draft version.",
            discussion: """
                Generating several hubs together (--hub A --hub B, or --all) lets carers lendable between them cross hubs. \
                Hubs that share no lendable carer are solved as separate problems, --threads of them at once (at \
                most one per core; largest first, each thread's groups one after another): each group gets a share \
                of --seconds in proportion to its visits among its thread's (so the whole search takes about \
                --seconds), all of --iterations, and a seed derived from --seed and its hub codes (a single group \
                keeps --seed); each hub's draft stores its group's problem, roster and seed. With --iterations and no \
                --seconds the rosters are the same for any --threads. --timings sums each phase over the groups, so \
                with several threads the search and compile times add up to more than the wall time.
                """)

        @OptionGroup var database: DatabaseOptions
        @Option(name: .customLong("hub"), help: "Hub code (repeat for several).") var hubs: [String] = []
        @Flag(help: "Every hub.") var all = false
        @Option(help: "ISO week, e.g. 2026-W48.") var week: ISOWeek
        @Option(help: "Seconds of search, shared between the independent groups each thread solves (default 30 unless --iterations).")
        var seconds: Double?
        @Option(help: "Iteration limit of each group's search (deterministic with --seed).") var iterations: Int?
        @Option(help: "Random seed.") var seed: UInt64 = 1
        @Option(help: "Independent groups of hubs solved at once, one per thread, at most one per core (default: every core).")
        var threads: Int = ProcessInfo.processInfo.activeProcessorCount
        @Flag(help: "No progress on stderr.") var quiet = false
        @Flag(help: "Print each phase's seconds (load, compile, search, check, store, review) to stderr.") var timings = false

        func validate() throws {
            if hubs.isEmpty == !all { throw ValidationError("give --hub (one or more) or --all") }
            if threads < 1 { throw ValidationError("--threads must be at least 1") }
        }

        func run() throws {
            try reportingFailures {
                let db = try database.connect()
                let known = try HubRepository(db).all().map(\.hub.code)
                for h in hubs where !known.contains(h) { throw CommandFailure(noHubsMessage(h)) }
                let chosen = all ? try HubRepository(db).codesInScope() : hubs
                let report: @Sendable (SolveProgress) -> Void = { p in
                    writeError(String(format: "%6.1fs  assigned %d/%d  iterations %d", p.elapsed, p.assigned, p.visits, p.iteration))
                }
                let progress = quiet ? nil : report
                let generated = try RosterWorkflow.generate(
                    db, hubs: chosen, week: week, search: .init(seed: seed, seconds: seconds, iterations: iterations, threads: threads),
                    actor: currentActor,
                    progress: progress)
                for notice in generated.notices { writeError(notice) }
                for (hub, version) in generated.versions { print("\(hub) \(week): draft version \(version)") }
                let reviewStart = ContinuousClock.now
                for group in generated.groups {
                    if generated.groups.count > 1 {
                        print("Hubs \(group.problem.hubs.map(\.id).sorted().joined(separator: ", ")) (one problem, seed \(group.seed)):")
                    }
                    let review = RosterReview(problem: group.problem, roster: group.roster)
                    if case .matrix = group.problem.travel { print("Travel: road minutes from the loaded network (carehub travel matrix)") }
                    print(review.summary(), terminator: "")
                    print(WorkingTimeWarnings.text(problem: group.problem, roster: group.roster), terminator: "")
                    print(review.contractTable(), terminator: "")
                }
                if timings { writeError(generated.timings.line(review: GenerateTimings.seconds(since: reviewStart))) }
            }
        }
    }

    /// `carehub roster publish`.
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish a draft: it becomes immutable and the previously published version superseded.",
            discussion: "Refuses a stale draft (visits, carers, shifts or pins changed since it was generated) unless --force.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var scope: HubWeek
        @Option(help: "The draft version to publish.") var version: Int
        @Flag(help: "Publish even if the data changed since the draft was generated.") var force = false

        func run() throws {
            try reportingFailures {
                let db = try database.connect()
                let previous = try RosterWorkflow.publish(db, hub: scope.hub, week: scope.week, version: version, force: force, actor: currentActor)
                print("\(scope.hub) \(scope.week): version \(version) published\(previous.map { "; version \($0) superseded" } ?? "")")
            }
        }
    }

    /// A visit and a carer, for pin and unpin.
    struct PinTarget: ParsableArguments {
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Visit id.") var visit: Int
        @Option(help: "Carer external id.") var carer: String
    }

    /// `carehub roster pin`.
    struct Pin: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Pin a carer to a visit; the next generate respects it.")
        @OptionGroup var target: PinTarget

        func run() throws {
            try reportingFailures {
                let (visit, carer) = (target.visit, target.carer)
                let changed = try RosterRepository(try target.database.connect()).pin(visit: visit, carer: carer, actor: currentActor)
                print(changed ? "pinned \(carer) to visit \(visit)" : "\(carer) was already pinned to visit \(visit)")
            }
        }
    }

    /// `carehub roster unpin`.
    struct Unpin: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a pin.")
        @OptionGroup var target: PinTarget

        func run() throws {
            try reportingFailures {
                let (visit, carer) = (target.visit, target.carer)
                let changed = try RosterRepository(try target.database.connect()).unpin(visit: visit, carer: carer, actor: currentActor)
                print(changed ? "unpinned \(carer) from visit \(visit)" : "\(carer) was not pinned to visit \(visit)")
            }
        }
    }

    /// `carehub roster diff`.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Moved, added and dropped visits per carer between two versions.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var scope: HubWeek
        @Option(help: "Older version.") var from: Int
        @Option(help: "Newer version.") var to: Int

        func run() throws {
            try reportingFailures {
                let repo = RosterRepository(try database.connect())
                guard let a = try repo.find(hub: scope.hub, week: scope.week, version: from, documents: .hub),
                    let b = try repo.find(hub: scope.hub, week: scope.week, version: to, documents: .hub)
                else { throw CommandFailure("no such version of \(scope.hub) \(scope.week)") }
                let (_, old) = try RosterWorkflow.documents(a)
                let (_, new) = try RosterWorkflow.documents(b)
                print(RosterDiff(old: old, new: new).text(), terminator: "")
            }
        }
    }
}
