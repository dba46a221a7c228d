import CareModel

/// The figures at the top of a hub's week, counted over the hub's own visits in a hand-out:
/// coverage by priority, unassigned visits by reason, travel's share of working time, and how
/// many different carers each client sees, with the same-faces and lateness figures
/// (`ContinuityFigures`, computed over the hub's own visits).
public struct HubWeekFigures: Sendable, Equatable {
    /// Assigned and all visits of one priority.
    public struct Coverage: Sendable, Equatable {
        public let priority: Priority
        public let assigned: Int
        public let visits: Int
    }

    public let coverage: [Coverage]
    /// Reasons with how many visits each leaves unassigned, most first.
    public let unassignedByReason: [(reason: String, visits: Int)]
    public let visits: Int
    public let assigned: Int
    /// Minutes of care (a double-up counts once per carer) and of paid travel between visits.
    public let careMinutes: Int
    public let travelMinutes: Int
    /// Per client with at least one assigned visit: the number of different carers, most first.
    public let carersPerClient: [(client: String, carers: Int)]
    /// Top-three share, carers new to their client, late visits: over the hub's own assignments.
    public let continuity: ContinuityFigures

    public static func == (a: HubWeekFigures, b: HubWeekFigures) -> Bool {
        a.coverage == b.coverage && a.unassignedByReason.elementsEqual(b.unassignedByReason, by: { $0 == $1 }) && a.visits == b.visits
            && a.assigned == b.assigned && a.careMinutes == b.careMinutes && a.travelMinutes == b.travelMinutes
            && a.carersPerClient.elementsEqual(b.carersPerClient, by: { $0 == $1 }) && a.continuity == b.continuity
    }

    /// Travel as a share of care plus travel (0 when nothing is rostered).
    public var travelShare: Double { Double(travelMinutes) / Double(max(1, careMinutes + travelMinutes)) }
    /// Mean different carers per client served.
    public var meanCarersPerClient: Double {
        carersPerClient.isEmpty ? 0 : Double(carersPerClient.reduce(0) { $0 + $1.carers }) / Double(carersPerClient.count)
    }

    public init(_ handout: Handout) {
        let roster = handout.roster
        let visitByID = Dictionary(handout.problem.visits.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var coverage: [Priority: (Int, Int)] = [:]
        var carers: [String: Set<String>] = [:]
        for a in roster.assignments {
            guard let v = visitByID[a.visit] else { continue }
            coverage[v.priority, default: (0, 0)].0 += 1
            coverage[v.priority, default: (0, 0)].1 += 1
            carers[v.client, default: []].formUnion(a.carers)
        }
        var reasons: [String: Int] = [:]
        for u in roster.unassigned {
            if let v = visitByID[u.visit] { coverage[v.priority, default: (0, 0)].1 += 1 }
            reasons[u.reason, default: 0] += 1
        }
        self.coverage = Priority.allCases.compactMap { p in coverage[p].map { Coverage(priority: p, assigned: $0.0, visits: $0.1) } }
        unassignedByReason = reasons.map { (reason: $0.key, visits: $0.value) }.sorted { ($0.visits, $1.reason) > ($1.visits, $0.reason) }
        visits = roster.assignments.count + roster.unassigned.count
        assigned = roster.assignments.count
        var care = 0
        var travel = 0
        for carer in handout.carers {
            for item in handout.items(for: carer) {
                care += item.visit.durationMinutes
                if item.paidTravel { travel += item.travel }
            }
        }
        careMinutes = care
        travelMinutes = travel
        continuity = ContinuityFigures(problem: handout.problem, roster: roster, fromMetrics: false)
        carersPerClient = carers.map { (client: $0.key, carers: $0.value.count) }.sorted { ($0.carers, $1.client) > ($1.carers, $0.client) }
    }
}
