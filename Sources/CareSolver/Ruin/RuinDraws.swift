import CareModel

extension SearchSolution {
    /// An assigned visit drawn uniformly (up to 64 draws), or nil when none was found.
    func randomAssignedVisit(rng: inout SplitMix64) -> Int? {
        guard assignedCount > 0 else { return nil }
        for _ in 0..<64 {
            let v = rng.nextInt(instance.visits.count)
            if isAssigned(v) { return v }
        }
        return nil
    }

    /// The worker of visit `v`'s first slot (`v` assigned).
    @inline(__always) func firstWorker(of v: Int) -> Int { instance.shifts[slots[Self.slot(v, 0)]].worker }

    /// True when worker `w` is among visit `v`'s workers.
    func isServed(_ v: Int, by w: Int) -> Bool {
        for k in 0..<SolverVisit.maxWorkers {
            let s = slots[Self.slot(v, k)]
            if s < 0 { return false }
            if instance.shifts[s].worker == w { return true }
        }
        return false
    }
}
