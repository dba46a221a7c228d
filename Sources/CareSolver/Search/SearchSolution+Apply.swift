extension SearchSolution {
    /// Applies an insertion found by `bestInsertion` (or recorded for undo).
    func apply(_ v: Int, _ insertion: Insertion) {
        let visit = instance.visits[v]
        for (k, place) in insertion.places.enumerated() {
            slots[Self.slot(v, k)] = place.shift
        }
        start[v] = insertion.start
        for place in insertion.places {
            if routes[place.shift].isEmpty { nonEmptyRoutes += 1 }
            routes[place.shift].insert(v, at: place.position)
            routedVisits += 1
            refresh(place.shift, insertedAt: place.position)
            addPair(client: visit.client, worker: instance.shifts[place.shift].worker)
        }
        let late = max(0, insertion.start - visit.windowEnd)
        if late > 0 {
            lateTotal += late
            lateCount[late] += 1
            maxLate = max(maxLate, late)
        }
        // The workers as a lazy view: an array of them was an allocation per insertion.
        if missesPreference(v, workers: insertion.places.lazy.map { self.instance.shifts[$0.shift].worker }) {
            preferenceMiss[v] = true
            preferenceMisses += 1
        }
        unassignedPenalty -= visit.unassignedPenalty
        assignedCount += 1
        // Swap-remove from the unassigned list.
        let index = unassignedIndex[v]
        let last = unassigned.removeLast()
        if last != v {
            unassigned[index] = last
            unassignedIndex[last] = index
        }
        unassignedIndex[v] = -1
    }

    /// Unassigns visit `v` and returns how to put it back exactly as it was.
    @discardableResult
    func remove(_ v: Int) -> Insertion {
        let visit = instance.visits[v]
        var places = InsertionPlaces()
        for k in 0..<SolverVisit.maxWorkers {
            let s = slots[Self.slot(v, k)]
            if s < 0 { break }
            guard let position = routes[s].firstIndex(of: v) else { preconditionFailure("visit missing from its route") }
            places.append((s, position))
            slots[Self.slot(v, k)] = -1
            removePair(client: visit.client, worker: instance.shifts[s].worker)
        }
        let late = max(0, start[v] - visit.windowEnd)
        if late > 0 {
            lateTotal -= late
            lateCount[late] -= 1
            while maxLate > 0 && lateCount[maxLate] == 0 { maxLate -= 1 }
        }
        let restore = Insertion(places: places, start: start[v], delta: 0)
        for place in places {
            routes[place.shift].remove(at: place.position)
            if routes[place.shift].isEmpty { nonEmptyRoutes -= 1 }
            routedVisits -= 1
            refresh(place.shift, removedAt: place.position, visit: v)
        }
        if preferenceMiss[v] {
            preferenceMiss[v] = false
            preferenceMisses -= 1
        }
        unassignedPenalty += visit.unassignedPenalty
        assignedCount -= 1
        unassignedIndex[v] = unassigned.count
        unassigned.append(v)
        return restore
    }

    /// Counts one more visit of `client` by worker `w` in the continuity parts.
    @inline(__always) func addPair(client: Int, worker w: Int) {
        let key = client * instance.workers.count + w
        let n = Int(pairCount[key])
        if n == 0 {
            distinctPairs += 1
            if instance.isNewPair(key) { newPairs += 1 }
        }
        taperUnits += Weights.continuityStep(n + instance.pastVisits(ofPair: key))
        pairCount[key] += 1
    }

    /// Counts one visit fewer of `client` by worker `w`.
    @inline(__always) func removePair(client: Int, worker w: Int) {
        let key = client * instance.workers.count + w
        pairCount[key] -= 1
        let n = Int(pairCount[key])
        taperUnits -= Weights.continuityStep(n + instance.pastVisits(ofPair: key))
        if n == 0 {
            distinctPairs -= 1
            if instance.isNewPair(key) { newPairs -= 1 }
        }
    }

    /// Removes `v` (when assigned and removable) and then its assigned link partners, so a ruin
    /// frees linked visits together and recreate can move both; appends each with its restore.
    func ruin(_ v: Int, into removed: inout [(Int, Insertion)]) {
        guard isAssigned(v), canRemove(v) else { return }
        removed.append((v, remove(v)))
        for i in instance.linksOf[v] {
            ruin(instance.links[i].partner(of: v), into: &removed)
        }
    }

    /// True when removing `v` keeps the break rule in each of its routes (removing a visit can
    /// pull later visits earlier and close the gap that was the break) and, when travel may
    /// break the triangle inequality, keeps every later visit reachable in time.
    func canRemove(_ v: Int) -> Bool {
        for k in 0..<SolverVisit.maxWorkers {
            let s = slots[Self.slot(v, k)]
            if s < 0 { break }
            guard let position = routes[s].firstIndex(of: v) else { return false }
            if !breakRuleHolds(s, inserting: nil, at: 0, window: (0, 0), removingAt: position) { return false }
            if !instance.metricTravel && !staysOnTime(s, removingAt: position) { return false }
        }
        return true
    }

    /// True when route `s` without its visit at `position` still reaches every visit by its
    /// latest start and ends in time (home included when the shift returns there). Needed only
    /// for travel that may break the triangle inequality (a caller's matrix): there, going
    /// straight from A to C can take longer than going by B, so a removal can make the route late.
    func staysOnTime(_ s: Int, removingAt position: Int) -> Bool {
        let shift = instance.shifts[s]
        let route = routes[s]
        let tt = instance.travelTime(mode: shift.mode)
        var time = shift.start
        var loc = shift.home
        for (i, v) in route.enumerated() where i != position {
            let (lo, hi) = window(v)
            let begin = max(time + tt[loc, instance.location[v]], lo)
            if begin > hi { return false }
            time = begin + instance.duration[v]
            loc = instance.location[v]
        }
        return !shift.returnsHome || time + tt[loc, shift.home] <= shift.end
    }
}
