import CareModel
import CareSolver
import CareStore

/// The repair of one hub's published week, worked out on values with no database: what still
/// stands of the published assignments, the engine's repair that moves as little as possible,
/// the repaired roster, and how it differs from the published one for the hub's visits.
public struct RepairPlan: Sendable {
    /// What a repair starts from.
    public struct Input: Sendable {
        /// The hub being repaired.
        public var hub: String
        /// The week as it is now, for all the run's hubs, so carers lent between them stay in it.
        public var problem: Problem
        /// The published assignments of the run's hubs, by visit id.
        public var published: [String: Roster.Assignment]
        /// This hub's published visits, including ones cancelled since (gone from `problem`).
        public var own: Set<String>
        /// Visits whose outcome is recorded (delivered or missed): kept as they were.
        public var recorded: Set<String>
        /// What the manager should know about how the week was rebuilt (road travel not used, and why).
        public var notices: [String] = []

        public init(hub: String, problem: Problem, published: [String: Roster.Assignment], own: Set<String>, recorded: Set<String>) {
            self.hub = hub
            self.problem = problem
            self.published = published
            self.own = own
            self.recorded = recorded
        }
    }

    /// The repaired roster of all the run's hubs; its unassigned visits are this hub's only.
    public let roster: Roster
    /// What changed for this hub's visits, in visit order, retimings last.
    public let changes: [VisitChange]
    /// Kept visits the engine gave other carers to make room.
    public let madeRoom: Set<String>
    /// How many of this hub's kept visits were moved to make room.
    public let moved: Int
    /// The carers of the published assignments: their absences and leaving explain the changes.
    public let involvedCarers: [String]
    /// The span to look for those absences in: the whole compiled week and its margins.
    public let evidenceFrom: Instant
    public let evidenceTo: Instant

    /// Broken assignments re-placed with other carers (not moves made to make room).
    public var repaired: Int {
        changes.filter { if case .reassigned = $0.kind { !madeRoom.contains($0.visit) } else { false } }.count
    }
    public var added: Int { changes.filter { if case .added = $0.kind { true } else { false } }.count }
    public var dropped: Int { changes.filter { if case .dropped = $0.kind { true } else { false } }.count }

    /// The hub's visits still unassigned, counted per reason.
    public var unassignedReasons: [String: Int] {
        roster.unassigned.reduce(into: [:]) { counts, visit in counts[visit.reason, default: 0] += 1 }
    }

    /// Repairs the input's week with the engine. Other hubs' visits and recorded ones are fixed;
    /// visits starting within `options.freezeMinutes` of `options.now` are kept unless broken.
    public init(_ input: Input, options: Rebalance.Options) throws {
        let problem = input.problem
        // Every shift that could hold a visit, unlimited: a published assignment is kept where it
        // still fits, and in a hub of thousands of carers the search may have placed a visit with
        // a carer outside its nearest candidates (local search moves between any allowed carers).
        let compiled = ProblemCompiler.compile(problem, candidateLimit: .max)
        let clientHub = Dictionary(uniqueKeysWithValues: problem.clients.map { ($0.id, $0.hub) })
        let mine = Set(problem.visits.filter { clientHub[$0.client] == input.hub }.map(\.id))
        let fixed = Set(problem.visits.indices.filter { !mine.contains(problem.visits[$0].id) || input.recorded.contains(problem.visits[$0].id) })
        let request = RepairRequest(
            previous: Self.previous(input.published, compiled: compiled), frozenBefore: compiled.minutes(options.now) + options.freezeMinutes,
            fixed: fixed, maxMoves: options.maxMoves, stop: StoppingCriterion(maxIterations: options.iterations, maxSeconds: options.seconds))
        let outcome = repair(compiled.instance, request, seed: options.seed)
        var roster = RosterBuilder.roster(compiled, outcome.result, seed: options.seed)
        let check = RosterChecker.check(roster, against: problem)
        guard check.isValid else {
            throw RosterIntegrityError.checkerRejected(stage: "repaired", violation: check.violations.first ?? "")
        }
        // Other hubs' visits that dropped out of this repair are not this hub's to report.
        roster.unassigned.removeAll { !mine.contains($0.visit) }
        let madeRoom = outcome.moved.map { problem.visits[$0].id }
        self.roster = roster
        self.madeRoom = Set(madeRoom)
        self.moved = madeRoom.filter { mine.contains($0) }.count
        self.changes = Self.changes(
            published: input.published, own: input.own, mine: mine, repaired: roster.assignments, visits: problem.visits, now: options.now)
        self.involvedCarers = Array(Set(input.published.values.flatMap(\.carers))).sorted()
        self.evidenceFrom = compiled.instant(0)
        self.evidenceTo = compiled.instant(60 * 24 * 9)
    }

    /// The published assignments the engine tries to keep, in visit order. One whose carer is
    /// gone from the week is left out: it is broken.
    static func previous(_ published: [String: Roster.Assignment], compiled: CompiledProblem) -> [RepairRequest.Previous] {
        let visitIndex = Dictionary(uniqueKeysWithValues: compiled.problem.visits.enumerated().map { ($1.id, $0) })
        let carerIndex = Dictionary(uniqueKeysWithValues: compiled.problem.carers.enumerated().map { ($1.id, $0) })
        return published.values.compactMap { a -> RepairRequest.Previous? in
            guard let visit = visitIndex[a.visit], let start = Instant(rfc3339: a.start) else { return nil }
            let workers = a.carers.compactMap { carerIndex[$0] }
            guard workers.count == a.carers.count else { return nil }
            return RepairRequest.Previous(visit: visit, workers: workers, start: compiled.minutes(start))
        }.sorted { $0.visit < $1.visit }
    }

    /// How the repaired assignments differ from the published ones for the hub's visits (those
    /// in the week now, `mine`, and those it had published, `own`), in visit order; retimings,
    /// which only the hub's current visits can have, come last.
    public static func changes(
        published: [String: Roster.Assignment], own: Set<String>, mine: Set<String>, repaired: [Roster.Assignment],
        visits: [Problem.Visit], now: Instant
    ) -> [VisitChange] {
        let after = Dictionary(repaired.map { ($0.visit, $0) }, uniquingKeysWith: { first, _ in first })
        let windowStart = Dictionary(visits.map { ($0.id, $0.windowStart) }, uniquingKeysWith: { first, _ in first })
        var changes: [VisitChange] = []
        var retimings: [VisitChange] = []
        for id in mine.union(own).sorted(by: { (Int($0) ?? 0) < (Int($1) ?? 0) }) {
            let before = own.contains(id) ? published[id] : nil
            let current = after[id]
            let start = current.flatMap { Instant(rfc3339: $0.start) } ?? before.flatMap { Instant(rfc3339: $0.start) } ?? windowStart[id] ?? now
            switch (before, current) {
            case (let b?, let a?) where Set(b.carers) != Set(a.carers):
                changes.append(VisitChange(visit: id, kind: .reassigned(from: b, to: a), start: start))
            case (let b?, let a?) where mine.contains(id) && a.start != b.start:
                if let t = Instant(rfc3339: a.start) { retimings.append(VisitChange(visit: id, kind: .retimed(from: b, to: a), start: t)) }
            case (let b?, nil):
                changes.append(VisitChange(visit: id, kind: .dropped(b), start: start))
            case (nil, let a?):
                changes.append(VisitChange(visit: id, kind: .added(a), start: start))
            default: break
            }
        }
        return changes + retimings
    }
}
