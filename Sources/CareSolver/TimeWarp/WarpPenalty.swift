/// The price of a unit of time warp, adapted to how often time-warp local search ends without
/// warp before its repair (as PyVRP's penalty manager does): raised when too few of its results
/// keep every window, lowered when too many do, so the search crosses infeasible routes about as
/// often as `targetFeasible` says.
struct WarpPenalty {
    /// Cost of one unit of warp.
    private(set) var value: Double
    /// Share of results wanted without warp.
    let targetFeasible: Double
    /// Results recorded between adjustments (ours: PyVRP's 0.x releases used 50, later ones
    /// 500), and the factors applied (those releases' 1.34 and 0.32, with their target 0.43).
    static let recordsPerUpdate = 100
    static let increase = 1.34
    static let decrease = 0.32
    /// Bounds that keep the price meaningful whatever the history.
    static let range = 0.001...1e6

    private var recorded = 0
    private var feasible = 0

    /// A penalty starting at `value`.
    init(value: Double, targetFeasible: Double) {
        self.value = min(max(value, Self.range.lowerBound), Self.range.upperBound)
        self.targetFeasible = targetFeasible
    }

    /// Records one result; every `recordsPerUpdate` results, moves the price towards the target.
    mutating func record(feasible isFeasible: Bool) {
        recorded += 1
        if isFeasible { feasible += 1 }
        if recorded < Self.recordsPerUpdate { return }
        let share = Double(feasible) / Double(recorded)
        recorded = 0
        feasible = 0
        // Within 0.05 of the target the price stays (PyVRP's tolerance).
        if share < targetFeasible - 0.05 {
            value = min(value * Self.increase, Self.range.upperBound)
        } else if share > targetFeasible + 0.05 {
            value = max(value * Self.decrease, Self.range.lowerBound)
        }
    }
}
