import CareModel
import CareSolver
import CareStore

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

        /// (hub, new draft version) for each hub generated, by hub.
        public var versions: [(hub: String, version: Int)] { groups.flatMap(\.versions).sorted { $0.hub < $1.hub } }
    }

    /// Builds the problem for `hubs` and `week`, solves it, checks the roster with the
    /// independent checker, and stores a new draft version per hub with the exact files.
    ///
    /// Hubs that share no lendable carer are solved apart, one problem per group (`HubGroups`),
    /// and each hub's draft holds its group's problem and roster. With several groups each gets
    /// a seed derived from `search.seed` and its hubs, all of `search.iterations`, and a share
    /// of `search.seconds` in proportion to its visits, so the searches take about that long in all.
    public static func generate(
        _ db: Connection, hubs: [String], week: ISOWeek, search: SearchSettings, actor: String,
        progress: ((SolveProgress) -> Void)? = nil
    ) throws -> Generated {
        var timings = GenerateTimings()
        let problems = try timings.time(\GenerateTimings.load) { () throws -> [(Problem, String)] in
            let links = try WeekProblemLoader(db).lendingLinks(hubCodes: hubs, week: week)
            return try HubGroups.split(hubs, links: links).map { try currentProblem(db, hubs: $0, week: week) }
        }
        let totalVisits = problems.reduce(0) { $0 + $1.0.visits.count }
        let budget = search.seconds ?? (search.iterations == nil ? 30 : nil)
        var groups: [Generated.Group] = []
        for (problem, text) in problems {
            let hubCodes = problem.hubs.map(\.id).sorted()
            let share = SearchSettings(
                seed: HubGroups.seed(search.seed, group: hubCodes, groups: problems.count),
                seconds: budget.map { HubGroups.seconds($0, visits: problem.visits.count, of: totalVisits, groups: problems.count) },
                iterations: search.iterations)
            groups.append(
                try solveAndStore(
                    db, problem: problem, problemText: text, week: week, search: share, recordSeconds: search.seconds != nil, actor: actor,
                    timings: &timings, progress: progress))
        }
        return Generated(groups: groups, timings: timings)
    }

    /// Solves one group's problem, checks the roster and stores a draft per hub. `recordSeconds`:
    /// whether the run was given --seconds (the settings record what was asked, not a default).
    private static func solveAndStore(
        _ db: Connection, problem: Problem, problemText: String, week: ISOWeek, search: SearchSettings, recordSeconds: Bool,
        actor: String, timings: inout GenerateTimings, progress: ((SolveProgress) -> Void)?
    ) throws -> Generated.Group {
        let compiled = timings.time(\GenerateTimings.compile) { ProblemCompiler.compile(problem) }
        let stop = StoppingCriterion(maxIterations: search.iterations, maxSeconds: search.seconds)
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
        var settings = ["iterations": search.iterations.map(String.init) ?? ""]
        if recordSeconds { settings["seconds"] = search.seconds.map { "\($0)" } ?? "" }
        settings = settings.filter { !$0.value.isEmpty }
        let versions = try timings.time(\GenerateTimings.store) {
            try RosterRepository(db).saveDrafts(
                week: week, problem: problem, problemText: problemText, roster: roster, rosterText: rosterText, seed: search.seed,
                settings: settings, actor: actor)
        }
        return Generated.Group(problem: problem, roster: roster, versions: versions, seed: search.seed)
    }
}
