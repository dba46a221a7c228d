/// Each visit's candidate shifts: the shifts of its allowed workers whose span can hold it and
/// whose capacity takes its demand, ascending.
///
/// Visits that ask the same question share one array: the same list of allowed workers (the
/// same buffer, which the care compiler shares between visits that ask it the same question)
/// with the same latest start, earliest end and demand. In one hub of 4,110 carers and 99,878
/// visits a list per visit took 813 MB (heaptrack); each visit may still use thousands of shifts,
/// but calls at the same times of day ask the same question.
///
/// With a `limit`, a visit with more candidates than that keeps the `limit` whose homes are
/// cheapest to reach it from (ties to the lower shift), and every shift of a worker the visit
/// or its client names (pinned, preferred, last time's, in the history): a granular list, as
/// large-scale routing solvers restrict each customer to its nearest vehicles. Insertion
/// (construction, recreate, repair's re-placing) and diagnosis read these lists; local search
/// still moves a visit to any allowed worker. Care weeks of a realistic hub have a few dozen
/// candidates per visit and are untouched; one hub of 4,110 carers has about 900 per visit,
/// and pricing all of them made construction place only 6,000 visits a second.
enum CandidateShifts {
    static func compute(
        visits: [SolverVisit], shifts: [SolverShift], workerShifts: [[Int]], limit: Int = .max, costs: [Matrix] = [],
        named: (_ visit: Int) -> [Int] = { _ in [] }
    ) -> [[Int]] {
        precondition(limit >= 1, "a candidate limit keeps at least one shift")
        let shared = shared(visits: visits, shifts: shifts, workerShifts: workerShifts)
        guard limit < .max, !costs.isEmpty, shared.contains(where: { $0.count > limit }) else { return shared }
        // Homes and modes flat, and the first mode's matrix outside the loop: reading a matrix out
        // of the array per shift retained its storage each time.
        let home = shifts.map(\.home)
        let mode = shifts.map(\.mode)
        let first = costs[0]
        var nearest = NearestK(capacity: limit)
        return shared.indices.map { v in
            let all = shared[v]
            guard all.count > limit else { return all }
            nearest.removeAll()
            let location = visits[v].location
            for s in all { nearest.offer(mode[s] == 0 ? first[home[s], location] : costs[mode[s]][home[s], location], s) }
            var kept = nearest.indices
            let names = named(v)
            if !names.isEmpty { kept += all.filter { names.contains(shifts[$0].worker) } }
            kept.sort()
            return zip(kept.indices, kept).filter { i, s in i == 0 || kept[i - 1] != s }.map(\.1)
        }
    }

    /// The full lists, shared between visits that ask the same question.
    private static func shared(visits: [SolverVisit], shifts: [SolverShift], workerShifts: [[Int]]) -> [[Int]] {
        struct Key: Hashable {
            let list, latestStart, earliestEnd, demand: Int
        }
        // A list of allowed workers by its buffer: the visits hold every buffer for the whole
        // computation, so equal identities mean equal lists (equal lists in different buffers are
        // merely not shared).
        struct Identity: Hashable {
            let address: UInt
            let count: Int
        }
        var listIndex: [Identity: Int] = [:]
        var listShifts: [[Int]] = []
        var answers: [Key: [Int]] = [:]
        return visits.map { visit in
            let identity = visit.allowedWorkers.withUnsafeBufferPointer {
                Identity(address: UInt(bitPattern: $0.baseAddress), count: $0.count)
            }
            let list: Int
            if let known = listIndex[identity] {
                list = known
            } else {
                list = listShifts.count
                listShifts.append(visit.allowedWorkers.flatMap { workerShifts[$0] }.sorted())
                listIndex[identity] = list
            }
            let key = Key(
                list: list, latestStart: visit.latestStart, earliestEnd: visit.windowStart + visit.duration, demand: visit.demand)
            if let known = answers[key] { return known }
            let answer = listShifts[list].filter { s in
                let shift = shifts[s]
                return shift.start <= key.latestStart && key.earliestEnd <= shift.end && key.demand <= shift.capacity
            }
            answers[key] = answer
            return answer
        }
    }
}
