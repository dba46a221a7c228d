extension SolverInstance {
    /// A copy whose arrays share no storage with this one's. Trajectories on different threads
    /// each search their own copy: reading a shared array retains and releases its buffer, and
    /// two cores doing that to the same reference count bounce its cache line between them. On 14
    /// hard Solomon instances at 5 s, two trajectories ran 932,776 iterations on one shared
    /// instance and 1,112,302 on their own copies (one run each).
    func unshared() -> SolverInstance { SolverInstance(unsharing: self) }

    private init(unsharing other: SolverInstance) {
        // Care compiles one matrix as both time and cost (one buffer): the copy keeps them one.
        var copies: [(original: Matrix, copy: Matrix)] = []
        func copy(_ matrix: Matrix) -> Matrix {
            if let done = copies.first(where: { $0.original.sharesStorage(with: matrix) }) { return done.copy }
            let made = matrix.unshared()
            copies.append((matrix, made))
            return made
        }
        let time = copy(other.travelTime)
        let cost = copy(other.travelCost)
        travelTime = time
        travelCost = cost
        travelTimes = [time] + other.travelTimes.dropFirst().map(copy)
        travelCosts = [cost] + other.travelCosts.dropFirst().map(copy)
        // Lists the original shares between visits (allowed workers, candidate shifts) stay
        // shared in the copy: one fresh buffer per original buffer, not one per visit.
        var lists = SharedListCopies()
        visits = other.visits.map { v in
            SolverVisit(
                location: v.location, windowStart: v.windowStart, windowEnd: v.windowEnd, duration: v.duration,
                workersNeeded: v.workersNeeded, demand: v.demand, unassignedPenalty: v.unassignedPenalty, client: v.client,
                preferredWorkers: fresh(v.preferredWorkers), pinnedWorkers: fresh(v.pinnedWorkers),
                allowedWorkers: lists.copy(v.allowedWorkers), lateAllowed: v.lateAllowed, previousWorkers: fresh(v.previousWorkers))
        }
        shifts = fresh(other.shifts)
        workers = fresh(other.workers)
        clientCount = other.clientCount
        weights = other.weights
        breakRule = other.breakRule
        paidTravel = other.paidTravel
        candidateShifts = other.candidateShifts.map { lists.copy($0) }
        workerShifts = other.workerShifts.map(fresh)
        twinBefore = fresh(other.twinBefore)
        neighbours = other.neighbours.map(fresh)
        metricTravel = other.metricTravel
        duration = fresh(other.duration)
        location = fresh(other.location)
        demand = fresh(other.demand)
        earliestStart = fresh(other.earliestStart)
        latestStart = fresh(other.latestStart)
        homeDistance = fresh(other.homeDistance)
        links = fresh(other.links)
        linksOf = other.linksOf.map(fresh)
        fixedStart = fresh(other.fixedStart)
        newPair = fresh(other.newPair)
        pastVisits = fresh(other.pastVisits)
        clientVisits = other.clientVisits.map(fresh)
        runMates = other.runMates.map(fresh)
    }
}

extension Matrix {
    /// A copy with storage of its own.
    func unshared() -> Matrix {
        var copy = self
        copy.storage = fresh(storage)
        return copy
    }

    /// True when both matrices read the same buffer (copies of one matrix never written since).
    func sharesStorage(with other: Matrix) -> Bool {
        storage.withUnsafeBufferPointer { a in other.storage.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
    }
}

/// The elements of `array` in newly allocated storage (`Array(array)` would share the buffer).
private func fresh<T>(_ array: [T]) -> [T] { array.withUnsafeBufferPointer { Array($0) } }

/// Fresh copies of integer lists that keep the original's sharing: a buffer met again gets the
/// copy made the first time.
private struct SharedListCopies {
    private var made: [UInt: [Int]] = [:]

    mutating func copy(_ list: [Int]) -> [Int] {
        if list.isEmpty { return [] }
        let address = list.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        if let done = made[address] { return done }
        let copy = fresh(list)
        made[address] = copy
        return copy
    }
}
