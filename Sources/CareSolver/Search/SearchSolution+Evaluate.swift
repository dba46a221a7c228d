import CareModel

extension SearchSolution {
    /// Every feasible position for visit `v` (time windows, capacity, weekly paid cap, pins),
    /// each with its cost; positions are skipped at random with probability `blink`.
    /// Evaluates only: nothing is changed but the solution's reused list of barred workers (a
    /// solution belongs to one trajectory on one thread, and nothing here calls back into this).
    /// `ignoringPaidCap` and `ignoringLinks` are for diagnosis only: they tell whether the weekly
    /// cap or a link is what blocks a visit. With `oneEmptyTwin`, of empty twin shifts
    /// (`SolverInstance.twinBefore`) only the first is offered: its positions are the others'.
    /// With `closedEmptyRoutes` set, no empty route is offered at all.
    func candidates(
        for v: Int, blink: Double, rng: inout SplitMix64, into out: inout [Candidate], ignoringPaidCap: Bool = false,
        ignoringLinks: Bool = false, oneEmptyTwin: Bool = false
    ) {
        out.removeAll(keepingCapacity: true)
        let visit = instance.visits[v]
        // The visit's fields as locals: read through `visit` inside the loop, they retained and
        // released its arrays for every shift.
        let (here, windowStart, windowEnd, latestStart) = (visit.location, visit.windowStart, visit.windowEnd, visit.latestStart)
        let (client, demand, visitDuration) = (visit.client, visit.demand, visit.duration)
        let pinned = visit.workersNeeded == 1 ? visit.pinnedWorkers.first : nil
        var mode = 0
        var tt = instance.travelTime
        var tc = instance.travelCost
        let weights = instance.weights
        let valuesContinuity = weights.valuesContinuity
        let single = visit.workersNeeded == 1
        let duration = instance.duration
        let location = instance.location
        let twinBefore = instance.twinBefore
        let closedEmpty = closedEmptyRoutes
        // Assigned link partners bound the start and may rule workers out.
        var linkLo = Int.min
        var linkHi = Int.max
        // The workers a different-carer link rules out, in the solution's reused list (taken
        // out and put back): a new array per evaluation was a heap allocation in the loop.
        var barred: [Int] = []
        swap(&barred, &barredScratch)
        barred.removeAll(keepingCapacity: true)
        defer { swap(&barred, &barredScratch) }
        if !ignoringLinks {
            for i in instance.linksOf[v] {
                let link = instance.links[i]
                let u = link.partner(of: v)
                guard isAssigned(u) else { continue }
                let range = link.range(for: v, partnerStart: start[u])
                linkLo = max(linkLo, range.lo)
                linkHi = min(linkHi, range.hi)
                guard link.differentWorkers else { continue }
                for k in 0..<SolverVisit.maxWorkers {
                    let shift = slots[Self.slot(u, k)]
                    if shift < 0 { break }
                    barred.append(instance.shifts[shift].worker)
                }
            }
            if linkLo > linkHi { return }
        }
        // The routes and their caches through buffer pointers: `routes[s]` copied out of the
        // array of arrays retains and releases its storage, three times per shift: two thirds
        // of the retains and releases, which took a quarter of the samples on Solomon (perf,
        // rc103). Read in place, nothing is retained.
        routes.withUnsafeBufferPointer { routesP in
            earliest.withUnsafeBufferPointer { earliestP in
                latest.withUnsafeBufferPointer { latestP in
                    for s in instance.candidateShifts[v] {
                        let shift = instance.shifts[s]
                        // Travel is the shift's worker's: a walker and a driver take different times. Only
                        // then is a matrix fetched per shift (a copy retains its storage, a cost per shift).
                        if shift.mode != mode {
                            mode = shift.mode
                            tt = instance.travelTime(mode: mode)
                            tc = instance.travelCost(mode: mode)
                        }
                        let w = shift.worker
                        if let pinned, pinned != w { continue }
                        if !barred.isEmpty && barred.contains(w) { continue }
                        if routeLoad[s] + demand > shift.capacity { continue }
                        let n = routesP[s].count
                        if n == 0 && (closedEmpty || oneEmptyTwin && hasEmptyTwin(before: s, twinBefore)) { continue }
                        let worker = instance.workers[w]
                        // Without continuity weights the count of the pair's visits is not read at all.
                        let continuity = valuesContinuity ? continuityDelta(client: client, worker: w, adding: 1) : 0
                        let paidBefore = workerPaid[w]
                        // Before position p the visit fits only if it can end by l[p] (the latest start of
                        // the visit it would go before); latest starts rise along a route, so the positions
                        // that cannot start early enough are skipped by bisection instead of tried one by one.
                        // Both rest on travel and durations never being negative (ProblemValidator refuses them).
                        var p0 = 0
                        var past = n
                        let needed = max(windowStart, linkLo) + visitDuration
                        while p0 < past {
                            let mid = (p0 + past) / 2
                            if latestP[s][mid] < needed { p0 = mid + 1 } else { past = mid }
                        }
                        for p in p0...n {
                            let prevEnd = p == 0 ? shift.start : earliestP[s][p - 1] + duration[routesP[s][p - 1]]
                            if prevEnd > latestStart { break }  // later positions start later still
                            if blink > 0 && rng.nextUnit() < blink { continue }
                            let prevLoc = p == 0 ? shift.home : location[routesP[s][p - 1]]
                            let lo = max(prevEnd + tt[prevLoc, here], windowStart, linkLo)
                            var hi = min(latestStart, linkHi)
                            var travel = tc[prevLoc, here]
                            var paid = visitDuration
                            if p < n {
                                let next = location[routesP[s][p]]
                                hi = min(hi, latestP[s][p] - tt[here, next] - visitDuration)
                                travel += tc[here, next] - tc[prevLoc, next]
                                if instance.paidTravel {
                                    paid += tt[here, next] + (p > 0 ? tt[prevLoc, here] - tt[prevLoc, next] : 0)
                                }
                            } else {
                                let back = shift.returnsHome ? tt[here, shift.home] : 0
                                hi = min(hi, shift.end - back - visitDuration)
                                if shift.returnsHome { travel += tc[here, shift.home] - (n > 0 ? tc[prevLoc, shift.home] : 0) }
                                if instance.paidTravel && p > 0 { paid += tt[prevLoc, here] }
                            }
                            if lo > hi { continue }
                            let newPaid = paidBefore + paid
                            if newPaid > worker.maxPaid && !ignoringPaidCap { continue }
                            let shortfallChange = max(0, worker.contracted - newPaid) - max(0, worker.contracted - paidBefore)
                            var delta = weights.travel * travel + weights.shortfall * shortfallChange + continuity
                            // A double-up's lateness depends on the shared start: its combination adds it.
                            if single && lo > windowEnd { delta += latenessCost(lateBy: lo - windowEnd) }
                            out.append(Candidate(shift: s, position: p, worker: w, lo: lo, hi: hi, delta: delta, paid: paid))
                        }
                    }
                }
            }
        }
    }

    /// True when an earlier twin of shift `s` is empty too. Following the chain past the
    /// twins in use costs, over one visit's candidate shifts, at most two looks per twin.
    @inline(__always) private func hasEmptyTwin(before s: Int, _ twinBefore: [Int]) -> Bool {
        var t = twinBefore[s]
        while t >= 0 {
            if routes[t].isEmpty { return true }
            t = twinBefore[t]
        }
        return false
    }

    /// The continuity parts' change if worker `w` took `count` more visits of `client`.
    func continuityDelta(client: Int, worker w: Int, adding count: Int) -> Int {
        let weights = instance.weights
        let key = client * instance.workers.count + w
        let n = Int(pairCount[key])
        let past = instance.pastVisits(ofPair: key)
        var delta = weights.continuityVisits * (Weights.continuityTaper(n + past + count) - Weights.continuityTaper(n + past))
        if n == 0 && count > 0 {
            delta += weights.continuity + (instance.isNewPair(key) ? weights.newWorker : 0)
        }
        return delta
    }

    /// What starting `late` time units after the window's end adds: per unit, and any rise of
    /// the largest lateness.
    @inline(__always) func latenessCost(lateBy late: Int) -> Int {
        instance.weights.lateness * late + instance.weights.maxLateness * max(0, late - maxLate)
    }

    /// Preference penalty for a set of workers on visit `v`.
    func preferenceCost<Workers: Sequence<Int>>(_ v: Int, workers: Workers) -> Int {
        missesPreference(v, workers: workers) ? instance.weights.preference : 0
    }

    /// True when visit `v`'s client has preferred workers and none of `workers` is one. Counted
    /// whatever the preference weight, so the roster's `preference_misses` stays true at weight 0.
    func missesPreference<Workers: Sequence<Int>>(_ v: Int, workers: Workers) -> Bool {
        let preferred = instance.visits[v].preferredWorkers
        return !preferred.isEmpty && !workers.contains(where: preferred.contains)
    }

    /// The cheapest feasible insertion of visit `v`, or nil. Checks the break rule lazily,
    /// cheapest option first.
    /// `onlyWorker` keeps the positions of one worker (team-first recreate); `onlyWorkers`, of
    /// those workers (the warm start). `ignoringLinks` is for diagnosis only.
    func bestInsertion(
        for v: Int, blink: Double, rng: inout SplitMix64, buffer: inout [Candidate], onlyWorker: Int? = nil, onlyWorkers: [Int]? = nil,
        ignoringLinks: Bool = false
    ) -> Insertion? {
        // A double-up may need two empty twins at once, and a worker filter may want the one
        // left out; otherwise the first empty twin stands for the rest (same cost and start;
        // without blinks, the tie-break on shift index chose it from among them anyway).
        let oneEmptyTwin = instance.visits[v].workersNeeded == 1 && onlyWorker == nil && onlyWorkers == nil
        candidates(for: v, blink: blink, rng: &rng, into: &buffer, ignoringLinks: ignoringLinks, oneEmptyTwin: oneEmptyTwin)
        if let onlyWorker { buffer.removeAll { $0.worker != onlyWorker } }
        if let onlyWorkers { buffer.removeAll { !onlyWorkers.contains($0.worker) } }
        if buffer.isEmpty { return nil }
        let visit = instance.visits[v]
        if visit.workersNeeded == 1 {
            // Preference cost of one worker, without building a worker array per candidate.
            let preferred = visit.preferredWorkers
            let missCost = instance.weights.preference
            func total(_ c: Candidate) -> Int {
                c.delta + (preferred.isEmpty || preferred.contains(c.worker) ? 0 : missCost)
            }
            let fixed = instance.fixedStart[v]
            func window(_ c: Candidate) -> (Int, Int) { fixed ? (c.lo, c.lo) : (visit.windowStart, visit.latestStart) }
            // The key (cost, shift, position) makes the choice independent of evaluation order.
            // One pass finds the cheapest; only if the break rule rejects it are the rest sorted.
            var best = 0
            for i in buffer.indices.dropFirst() {
                let a = buffer[i]
                let b = buffer[best]
                if (total(a), a.shift, a.position) < (total(b), b.shift, b.position) { best = i }
            }
            let first = buffer[best]
            if breakRuleHolds(first.shift, inserting: v, at: first.position, window: window(first), removingAt: nil) {
                return Insertion(places: InsertionPlaces(first.shift, first.position), start: first.lo, delta: total(first))
            }
            var options = buffer.map { (total($0), $0) }
            options.sort { ($0.0, $0.1.shift, $0.1.position) < ($1.0, $1.1.shift, $1.1.position) }
            for (delta, c) in options.dropFirst() where breakRuleHolds(c.shift, inserting: v, at: c.position, window: window(c), removingAt: nil) {
                return Insertion(places: InsertionPlaces(c.shift, c.position), start: c.lo, delta: delta)
            }
            return nil
        }
        return bestCombination(for: v, candidates: &buffer)
    }
}
