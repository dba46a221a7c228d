/// The parts of a move's cost beyond travel, shared by the local-search operators: paid time
/// against each worker's cap and contract, continuity, preferences, the break rule; and
/// applying a move as two new route lists, undone the same way.
extension SearchSolution {
    /// The shortfall cost change when routes `a` and `b` change paid time by `paidA` and
    /// `paidB`, or nil when a worker would pass their weekly cap.
    func paidChange(_ a: Int, by paidA: Int, _ b: Int, by paidB: Int) -> Int? {
        let wa = instance.shifts[a].worker
        let wb = instance.shifts[b].worker
        if wa == wb { return workerChange(wa, by: paidA + paidB) }
        guard let ca = workerChange(wa, by: paidA), let cb = workerChange(wb, by: paidB) else { return nil }
        return ca + cb
    }

    /// Shortfall cost change of worker `w`'s paid time moving by `change`, or nil past the cap.
    private func workerChange(_ w: Int, by change: Int) -> Int? {
        let worker = instance.workers[w]
        let paid = workerPaid[w] + change
        if change > 0 && paid > worker.maxPaid { return nil }
        return instance.weights.shortfall * (max(0, worker.contracted - paid) - max(0, worker.contracted - workerPaid[w]))
    }

    /// True when continuity or preferences are weighted: only then does moving a visit between
    /// workers change more than travel and paid time.
    var workerMattersBeyondTime: Bool {
        instance.weights.valuesContinuity || instance.weights.preference > 0
    }

    /// The continuity and preference change of single-worker visits `route[range]` moving from
    /// worker `from` to worker `to`, accumulated into `pairMoves` (pairs changed, by how many).
    func collectWorkerChange(of route: [Int], _ range: Range<Int>, from: Int, to: Int, into pairMoves: inout [(key: Int, by: Int)]) -> Int {
        if from == to { return 0 }
        var preference = 0
        let workers = instance.workers.count
        for i in range {
            let v = route[i]
            let client = instance.visits[v].client
            pairMoves.append((client * workers + from, -1))
            pairMoves.append((client * workers + to, 1))
            let preferred = instance.visits[v].preferredWorkers
            if !preferred.isEmpty {
                preference += (preferred.contains(to) ? 0 : 1) - (preferred.contains(from) ? 0 : 1)
            }
        }
        return instance.weights.preference * preference
    }

    /// The continuity parts' change for pair counts moving by `pairMoves` (a pair may appear
    /// several times). O(k²) in the entries, which are few.
    func continuityChange(_ pairMoves: [(key: Int, by: Int)]) -> Int {
        let weights = instance.weights
        if !weights.valuesContinuity { return 0 }
        var change = 0
        for (i, move) in pairMoves.enumerated() {
            if pairMoves[..<i].contains(where: { $0.key == move.key }) { continue }
            var by = move.by
            for other in pairMoves[(i + 1)...] where other.key == move.key { by += other.by }
            if by == 0 { continue }
            change += pairTerm(move.key, Int(pairCount[move.key]) + by) - pairTerm(move.key, Int(pairCount[move.key]))
        }
        return change
    }

    /// The continuity cost of pair `key` with `count` visits this week.
    private func pairTerm(_ key: Int, _ count: Int) -> Int {
        let weights = instance.weights
        let past = instance.pastVisits(ofPair: key)
        var term = weights.continuityVisits * (Weights.continuityTaper(count + past) - Weights.continuityTaper(past))
        if count > 0 { term += weights.continuity + (instance.isNewPair(key) ? weights.newWorker : 0) }
        return term
    }

    /// True when visit `v` may move to worker `w` as one of a route's visits: one worker,
    /// no link, not pinned to someone else, and allowed.
    func canChangeWorker(_ v: Int, to w: Int) -> Bool {
        // Field by field: copying a `SolverVisit` retains and releases its four arrays.
        if instance.visits[v].workersNeeded != 1 || !instance.linksOf[v].isEmpty { return false }
        if !instance.visits[v].pinnedWorkers.isEmpty && instance.visits[v].pinnedWorkers[0] != w { return false }
        return Self.sortedContains(instance.visits[v].allowedWorkers, w)
    }

    /// Binary search in an ascending array.
    static func sortedContains(_ array: [Int], _ value: Int) -> Bool {
        var lo = 0
        var hi = array.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if array[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo < array.count && array[lo] == value
    }

    /// True when shift `s` worked as `visits` (in order, each starting as early as it can)
    /// meets the break rule. O(visits); asked only of moves that would improve.
    func breakRuleHolds(_ s: Int, visits: [Int]) -> Bool {
        guard let rule = instance.breakRule else { return true }
        let shift = instance.shifts[s]
        if shift.end - shift.start <= rule.maxSpanWithoutBreak || visits.isEmpty { return true }
        let tt = instance.travelTime(mode: shift.mode)
        var time = shift.start
        var loc = shift.home
        var first = 0
        var longestGap = 0
        for (i, v) in visits.enumerated() {
            let lo = instance.fixedStart[v] && isAssigned(v) ? start[v] : instance.earliestStart[v]
            let arrive = time + tt[loc, instance.location[v]]
            let begin = max(arrive, lo)
            if i == 0 { first = begin } else { longestGap = max(longestGap, begin - arrive) }
            time = begin + instance.duration[v]
            loc = instance.location[v]
        }
        return time - first <= rule.maxSpanWithoutBreak || longestGap >= rule.minimumBreak
    }

    /// Gives shifts `a` and `b` new visit lists (the single-worker visits among them may change
    /// shift between the two; every other visit stays where it was) and returns the old ones,
    /// which undo it when given back.
    @discardableResult
    func replaceRoutes(_ a: Int, _ newA: [Int], _ b: Int, _ newB: [Int]) -> (a: [Int], b: [Int]) {
        let old = (routes[a], routes[b])
        moveToShift(newA, a, from: b)
        moveToShift(newB, b, from: a)
        routes[a] = newA
        routes[b] = newB
        nonEmptyRoutes += (newA.isEmpty ? 0 : 1) + (newB.isEmpty ? 0 : 1) - (old.0.isEmpty ? 0 : 1) - (old.1.isEmpty ? 0 : 1)
        routedVisits += newA.count + newB.count - old.0.count - old.1.count
        refresh(a)
        refresh(b)
        return old
    }

    /// Points the single-worker visits of `list` now served by `from` at `to`, moving their
    /// continuity and preference counts to `to`'s worker.
    private func moveToShift(_ list: [Int], _ to: Int, from: Int) {
        let oldWorker = instance.shifts[from].worker
        let newWorker = instance.shifts[to].worker
        for v in list where instance.visits[v].workersNeeded == 1 && slots[Self.slot(v, 0)] == from {
            slots[Self.slot(v, 0)] = to
            if oldWorker == newWorker { continue }
            let client = instance.visits[v].client
            removePair(client: client, worker: oldWorker)
            addPair(client: client, worker: newWorker)
            let miss = missesPreference(v, workers: CollectionOfOne(newWorker))
            if miss != preferenceMiss[v] {
                preferenceMiss[v] = miss
                preferenceMisses += miss ? 1 : -1
            }
        }
    }
}
