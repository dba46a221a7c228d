import CareModel
import CareSolver
import CareStore
import Dispatch
import Foundation

extension RosterWorkflow {
    /// What a generate run stored.
    public struct Generated: Sendable {
        /// One group of hubs solved as one problem (hubs that share lendable carers).
        public struct Group: Sendable {
            public let problem: Problem
            public let roster: Roster
            /// (hub, new draft version) for each hub of the group.
            public let versions: [(hub: String, version: Int)]
            /// The seed the group's search used (stored with its drafts).
            public let seed: UInt64
        }

        /// The groups, in the order of their first hub.
        public let groups: [Group]
        /// Seconds per phase, summed over the groups.
        public let timings: GenerateTimings
        /// What the manager should know about how the problems were built (road travel not used, and why).
        public var notices: [String] = []

        /// (hub, new draft version) for each hub generated, by hub.
        public var versions: [(hub: String, version: Int)] { groups.flatMap(\.versions).sorted { $0.hub < $1.hub } }
    }

    /// Builds the problem for `hubs` and `week`, solves it, checks the roster with the
    /// independent checker, and stores a new draft version per hub with the exact files.
    ///
    /// Hubs that share no lendable carer are solved apart, one problem per group (`HubGroups`),
    /// and each hub's draft holds its group's problem and roster. With several groups each gets
    /// a seed derived from `search.seed` and its hubs, all of `search.iterations`, and a share
    /// of `search.seconds` in proportion to its visits among its lane's (`HubGroups.lanes`:
    /// `search.threads` lanes, at most one per core, run at once), so the searches take about
    /// that long in all. With `search.iterations` and no `seconds`, the rosters are the same for
    /// any thread count.
    public static func generate(
        _ db: Connection, hubs: [String], week: ISOWeek, search: SearchSettings, actor: String,
        progress: (@Sendable (SolveProgress) -> Void)? = nil
    ) throws -> Generated {
        var timings = GenerateTimings()
        var notices: [String] = []
        let problems = try timings.time(\GenerateTimings.load) { () throws -> [(Problem, String)] in
            let links = try WeekProblemLoader(db).lendingLinks(hubCodes: hubs, week: week)
            return try HubGroups.split(hubs, links: links).map { try currentProblem(db, hubs: $0, week: week, notices: &notices) }
        }
        let budget = search.seconds ?? (search.iterations == nil ? 30 : nil)
        // No more lanes than cores: `concurrentPerform` runs the rest after them, and each lane
        // is given all of the seconds.
        let threads = min(search.threads, ProcessInfo.processInfo.activeProcessorCount)
        let lanes = HubGroups.lanes(visits: problems.map(\.0.visits.count), threads: threads)
        var shares = Array(repeating: search, count: problems.count)
        for lane in lanes {
            let laneVisits = lane.reduce(0) { $0 + problems[$1].0.visits.count }
            for g in lane {
                let hubCodes = problems[g].0.hubs.map(\.id).sorted()
                shares[g] = SearchSettings(
                    seed: HubGroups.seed(search.seed, group: hubCodes, groups: problems.count),
                    seconds: budget.map { HubGroups.seconds($0, visits: problems[g].0.visits.count, of: laneVisits, groups: lane.count) },
                    iterations: search.iterations)
            }
        }
        let solved = try solveGroups(problems.map(\.0), shares: shares, lanes: lanes, timings: &timings, progress: progress)
        var groups: [Generated.Group] = []
        for (g, (problem, text)) in problems.enumerated() {
            groups.append(
                try store(
                    db, problem: problem, problemText: text, solved: solved[g], week: week, search: shares[g],
                    recordSeconds: search.seconds != nil, actor: actor, timings: &timings))
        }
        return Generated(groups: groups, timings: timings, notices: notices)
    }

    /// One group's checked roster and its exact text.
    private struct SolvedGroup {
        let roster: Roster
        let rosterText: String
    }

    /// Compiles, solves and checks every group's problem: each lane's groups one after another,
    /// the lanes at once on threads of their own. Only the first lane reports progress (it holds
    /// the largest group), so `progress` may be called from another thread. Phase times are summed over the groups, so with several lanes they
    /// add up to more than the wall time. The first failure, in group order, is rethrown.
    private static func solveGroups(
        _ problems: [Problem], shares: [SearchSettings], lanes: [[Int]], timings: inout GenerateTimings,
        progress: (@Sendable (SolveProgress) -> Void)?
    ) throws -> [SolvedGroup] {
        let results = LaneResults<SolvedGroup>(count: problems.count)
        let work = { @Sendable (lane: Int) in
            for g in lanes[lane] {
                var groupTimings = GenerateTimings()
                let outcome = Result {
                    try solveAndCheck(problems[g], search: shares[g], timings: &groupTimings, progress: lane == 0 ? progress : nil)
                }
                results.set(g, outcome, timings: groupTimings)
            }
        }
        if lanes.count == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: lanes.count, execute: work)
        }
        let (outcomes, groupTimings) = results.collected()
        for t in groupTimings {
            timings.compile += t.compile
            timings.search += t.search
            timings.check += t.check
        }
        return try outcomes.map { try $0.get() }
    }

    /// Compiles and solves one group's problem and checks the roster with the independent checker.
    private static func solveAndCheck(
        _ problem: Problem, search: SearchSettings, timings: inout GenerateTimings, progress: (@Sendable (SolveProgress) -> Void)?
    ) throws -> SolvedGroup {
        let compiled = timings.time(\GenerateTimings.compile) { ProblemCompiler.compile(problem) }
        let stop = StoppingCriterion(maxIterations: search.iterations, maxSeconds: search.seconds)
        let parameters = SolveParameters(seed: search.seed, stop: stop)
        let result = timings.time(\GenerateTimings.search) { solve(compiled.instance, parameters: parameters, progress: progress) }
        return try timings.time(\GenerateTimings.check) { () throws -> SolvedGroup in
            let roster = RosterBuilder.roster(compiled, result, seed: search.seed)
            let check = RosterChecker.check(roster, against: problem)
            guard check.isValid else {
                throw RosterIntegrityError.checkerRejected(stage: "generated", violation: check.violations.first ?? "")
            }
            return SolvedGroup(roster: roster, rosterText: String(decoding: try roster.encoded(), as: UTF8.self))
        }
    }

    /// Stores a solved group's draft per hub. `recordSeconds`: whether the run was given
    /// --seconds (the settings record what was asked, not a default).
    private static func store(
        _ db: Connection, problem: Problem, problemText: String, solved: SolvedGroup, week: ISOWeek, search: SearchSettings,
        recordSeconds: Bool, actor: String, timings: inout GenerateTimings
    ) throws -> Generated.Group {
        var settings = ["iterations": search.iterations.map(String.init) ?? ""]
        if recordSeconds { settings["seconds"] = search.seconds.map { "\($0)" } ?? "" }
        settings = settings.filter { !$0.value.isEmpty }
        let versions = try timings.time(\GenerateTimings.store) {
            try RosterRepository(db).saveDrafts(
                week: week, problem: problem, problemText: problemText, roster: solved.roster, rosterText: solved.rosterText,
                seed: search.seed, settings: settings, actor: actor)
        }
        return Generated.Group(problem: problem, roster: solved.roster, versions: versions, seed: search.seed)
    }
}
