/// Each visit's candidate shifts: the shifts of its allowed workers whose span can hold it and
/// whose capacity takes its demand, ascending.
///
/// Visits that ask the same question share one array: the same list of allowed workers (the
/// same buffer, which the care compiler shares between visits that ask it the same question)
/// with the same latest start, earliest end and demand. In one hub of 4,110 carers and 99,878
/// visits a list per visit took 813 MB (heaptrack); each visit may still use thousands of shifts,
/// but calls at the same times of day ask the same question.
enum CandidateShifts {
    static func compute(visits: [SolverVisit], shifts: [SolverShift], workerShifts: [[Int]]) -> [[Int]] {
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
