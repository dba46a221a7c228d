/// Shifts that no insertion can tell apart while they are empty: a VRPTW fleet of identical
/// vehicles, or carers with the same hours, home, limits and eligibility whom no visit names.
///
/// Inserting a visit into any one of several empty twins gives the same cost, start and
/// feasibility, so the insertion search offers only the first empty one (as PyVRP's local
/// search tries one empty route per vehicle type). On Solomon most of the 25 vehicles are
/// empty, and each was evaluated for every insertion.
enum ShiftTwins {
    /// `result[s]`: the nearest shift before `s` that is a twin of it, or -1. Twins chain in
    /// ascending order, so following the chain from `s` visits every earlier twin.
    ///
    /// Two shifts are twins when their start, end, home, return, capacity and travel mode are
    /// equal; their workers have no other shift, the same paid limits and the same eligible
    /// visits; and no visit names either worker (pinned, preferred, or worked it last time).
    /// Any client history makes every worker different (a new carer costs more than a known one).
    static func previous(visits: [SolverVisit], shifts: [SolverShift], workers: [SolverWorker], hasHistory: Bool) -> [Int] {
        var result = Array(repeating: -1, count: shifts.count)
        if hasHistory { return result }
        var shiftCount = Array(repeating: 0, count: workers.count)
        for shift in shifts { shiftCount[shift.worker] += 1 }
        var named = Array(repeating: false, count: workers.count)
        for visit in visits {
            for w in visit.pinnedWorkers { named[w] = true }
            for w in visit.preferredWorkers { named[w] = true }
            for w in visit.previousWorkers { named[w] = true }
        }
        struct Key: Hashable {
            let start, end, home, capacity, mode, maxPaid, contracted: Int
            let returnsHome: Bool
        }
        var groups: [Key: [Int]] = [:]
        for (s, shift) in shifts.enumerated() where shiftCount[shift.worker] == 1 && !named[shift.worker] {
            let worker = workers[shift.worker]
            let key = Key(
                start: shift.start, end: shift.end, home: shift.home, capacity: shift.capacity, mode: shift.mode,
                maxPaid: worker.maxPaid, contracted: worker.contracted, returnsHome: shift.returnsHome)
            groups[key, default: []].append(s)
        }
        let grouped = groups.values.filter { $0.count > 1 }
        if grouped.isEmpty { return result }
        // Eligibility is compared only for workers in a group: care problems rarely have any,
        // and listing every worker's eligible visits would cost visits × carers.
        var inGroup = Array(repeating: false, count: workers.count)
        for group in grouped { for s in group { inGroup[shifts[s].worker] = true } }
        var eligible = Array(repeating: [Int](), count: workers.count)
        for (v, visit) in visits.enumerated() { for w in visit.allowedWorkers where inGroup[w] { eligible[w].append(v) } }
        for group in grouped {
            var lastWithSameVisits: [[Int]: Int] = [:]
            for s in group {  // ascending: shifts were enumerated in order
                let visits = eligible[shifts[s].worker]
                if let earlier = lastWithSameVisits[visits] { result[s] = earlier }
                lastWithSameVisits[visits] = s
            }
        }
        return result
    }
}
