import CareModel

/// Rosters to check a fuzzed problem with. Tests/CareModelTests/ProblemFuzzTests.swift builds
/// the same ones, so a crash input replays there exactly.
enum FuzzRoster {
    /// Nothing assigned, nothing declared unassigned.
    static let empty = with([])

    /// Each visit to the first `carers` carers of the problem, at its window start.
    static func naive(_ problem: Problem) -> Roster {
        let ids = problem.carers.map(\.id)
        return with(
            problem.visits.map { v in
                Roster.Assignment(visit: v.id, carers: Array(ids.prefix(v.carers)), start: v.windowStart.rfc3339(offsetMinutes: 0))
            })
    }

    private static func with(_ assignments: [Roster.Assignment]) -> Roster {
        Roster(
            assignments: assignments, unassigned: [],
            objective: .init(total: 0, unassigned: 0, travel: 0, continuity: 0, preference: 0, shortfall: 0),
            metrics: .init(
                visits: 0, assigned: 0, unassignedVisits: 0, travelMinutes: 0, paidMinutes: 0, distinctCarersPerClient: 0,
                preferenceMisses: 0, shortfallMinutes: 0, coverageByPriority: [:]),
            solver: .init(seed: 0, seconds: 0, iterations: 0))
    }
}
