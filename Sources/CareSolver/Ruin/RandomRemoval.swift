import CareModel

/// Ruin by removing a few assigned visits chosen uniformly: it reaches corners of the week
/// that the neighbour-based string removal would not.
struct RandomRemoval {
    /// Visits to remove.
    var count = 6

    func ruin(_ solution: SearchSolution, rng: inout SplitMix64) -> [(Int, Insertion)] {
        var removed: [(Int, Insertion)] = []
        let n = solution.instance.visits.count
        var attempts = 0
        while removed.count < count && attempts < 4 * count {
            attempts += 1
            let v = rng.nextInt(n)
            solution.ruin(v, into: &removed)
        }
        return removed
    }
}
