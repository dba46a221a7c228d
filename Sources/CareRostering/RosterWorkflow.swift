import CareModel
import CareReports
import CareSolver
import CareStore
import Foundation

/// The hub manager's weekly operations that need both the database and the engine.
public enum RosterWorkflow {
    /// How to search.
    public struct SearchSettings: Sendable {
        public var seed: UInt64
        public var seconds: Double?
        public var iterations: Int?

        public init(seed: UInt64 = 1, seconds: Double? = nil, iterations: Int? = nil) {
            self.seed = seed
            self.seconds = seconds
            self.iterations = iterations
        }
    }

    /// What a generate run stored.
    public struct Generated: Sendable {
        public let problem: Problem
        public let roster: Roster
        /// (hub, new draft version) for each hub generated.
        public let versions: [(hub: String, version: Int)]
        /// Seconds per phase.
        public let timings: GenerateTimings
    }

    /// The week's problem from today's data, and its exact text.
    public static func currentProblem(_ db: Connection, hubs: [String], week: ISOWeek) throws -> (Problem, String) {
        let problem = try WeekProblemLoader(db).load(hubCodes: hubs, week: week)
        return (problem, String(decoding: try ProblemEncoder.encode(problem), as: UTF8.self))
    }

    /// Builds the problem for `hubs` and `week`, solves it, checks the roster with the
    /// independent checker, and stores a new draft version per hub with the exact files.
    public static func generate(
        _ db: Connection, hubs: [String], week: ISOWeek, search: SearchSettings, actor: String,
        progress: ((SolveProgress) -> Void)? = nil
    ) throws -> Generated {
        var timings = GenerateTimings()
        let (problem, problemText) = try timings.time(\GenerateTimings.load) { try currentProblem(db, hubs: hubs, week: week) }
        let compiled = timings.time(\GenerateTimings.compile) { ProblemCompiler.compile(problem) }
        let stop = StoppingCriterion(maxIterations: search.iterations, maxSeconds: search.seconds ?? (search.iterations == nil ? 30 : nil))
        let parameters = SolveParameters(seed: search.seed, stop: stop)
        let result = timings.time(\GenerateTimings.search) { solve(compiled.instance, parameters: parameters, progress: progress) }
        let (roster, rosterText) = try timings.time(\GenerateTimings.check) { () throws -> (Roster, String) in
            let roster = RosterBuilder.roster(compiled, result, seed: search.seed)
            let check = RosterChecker.check(roster, against: problem)
            guard check.isValid else {
                throw RosterIntegrityError.checkerRejected(stage: "generated", violation: check.violations.first ?? "")
            }
            return (roster, String(decoding: try roster.encoded(), as: UTF8.self))
        }
        var settings = ["seconds": search.seconds.map { "\($0)" } ?? "", "iterations": search.iterations.map(String.init) ?? ""]
        settings = settings.filter { !$0.value.isEmpty }
        let versions = try timings.time(\GenerateTimings.store) {
            try RosterRepository(db).saveDrafts(
                week: week, problem: problem, problemText: problemText, roster: roster, rosterText: rosterText, seed: search.seed,
                settings: settings, actor: actor)
        }
        return Generated(problem: problem, roster: roster, versions: versions, timings: timings)
    }

    /// Publishes a draft, refusing a stale one unless `force`.
    @discardableResult
    public static func publish(_ db: Connection, hub: String, week: ISOWeek, version: Int, force: Bool, actor: String) throws -> Int? {
        try RosterRepository(db).publish(hub: hub, week: week, version: version, force: force, actor: actor) { db, hubs in
            try currentProblem(db, hubs: hubs, week: week).1
        }
    }

    /// The stored problem and roster of a version, decoded, limited to one hub's visits.
    public static func documents(_ stored: StoredRoster) throws -> (Problem, Roster) {
        let problem = try ProblemDecoder.decode(Data(stored.problemText.utf8), file: "roster \(stored.hubCode) \(stored.week) v\(stored.version)")
        var roster = try Roster.decode(Data(stored.rosterText.utf8))
        let clientHub = Dictionary(uniqueKeysWithValues: problem.clients.map { ($0.id, $0.hub) })
        let visitHub = Dictionary(uniqueKeysWithValues: problem.visits.map { ($0.id, clientHub[$0.client] ?? "") })
        roster.assignments.removeAll { visitHub[$0.visit] != stored.hubCode }
        roster.unassigned.removeAll { visitHub[$0.visit] != stored.hubCode }
        return (problem, roster)
    }
}

extension RosterWorkflow {
    /// A stored version with the display details the hand-outs need.
    public static func handout(_ db: Connection, _ stored: StoredRoster) throws -> Handout {
        let (problem, roster) = try documents(stored)
        let carerIDs = Array(Set(roster.assignments.flatMap(\.carers)))
        let clientIDs = Array(Set(problem.visits.map(\.client)))
        let repo = HandoutRepository(db)
        let carers = try repo.carers(carerIDs), clients = try repo.clients(clientIDs)
        return Handout(
            hub: stored.hubCode, week: stored.week, version: stored.version, problem: problem, roster: roster,
            carerNames: carers.mapValues(\.name), clientFirstNames: clients.mapValues(\.firstName), clientAreas: clients.mapValues(\.addressArea))
    }
}
