import CareModel
import Foundation

/// libFuzzer's entry point: the input is a `carehub.problem/1` document. A valid one is then
/// checked with an empty roster, so the independent checker meets every shape validation lets
/// through. Every outcome but a crash is fine.
func fuzzOne(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    let problem: Problem
    do {
        problem = try ProblemDecoder.decode(data, file: "week.json")
    } catch let error as ProblemError {
        _ = error.description
        return 0
    } catch {
        fatalError("ProblemDecoder threw an untyped error: \(error)")
    }
    let roster = Roster(
        assignments: [], unassigned: [], objective: .init(total: 0, unassigned: 0, travel: 0, continuity: 0, preference: 0, shortfall: 0),
        metrics: .init(
            visits: 0, assigned: 0, unassignedVisits: 0, travelMinutes: 0, paidMinutes: 0, distinctCarersPerClient: 0, preferenceMisses: 0,
            shortfallMinutes: 0, coverageByPriority: [:]),
        solver: .init(seed: 0, seconds: 0, iterations: 0))
    _ = RosterChecker.check(roster, against: problem)
    return 0
}
