/// When the search stops: after an iteration limit, a time limit, or whichever comes first.
/// The only part of the engine that reads a clock.
public struct StoppingCriterion: Sendable {
    /// Most improvement iterations (nil: no limit).
    public var maxIterations: Int?
    /// Most wall-clock seconds (nil: no limit).
    public var maxSeconds: Double?

    /// A criterion; at least one limit must be set.
    public init(maxIterations: Int? = nil, maxSeconds: Double? = nil) {
        precondition(maxIterations != nil || maxSeconds != nil, "an unbounded search never returns")
        self.maxIterations = maxIterations
        self.maxSeconds = maxSeconds
    }

    /// Progress in [0, 1]: by iterations when they are limited (so the same seed and limit
    /// give the same search whatever the machine's speed), else by time.
    func progress(iteration: Int, elapsed: Double) -> Double {
        if let maxIterations { return min(1, Double(iteration) / Double(max(1, maxIterations))) }
        if let maxSeconds { return min(1, elapsed / max(1e-9, maxSeconds)) }
        return 1
    }

    /// True once either limit is reached.
    func shouldStop(iteration: Int, elapsed: Double) -> Bool {
        if let maxIterations, iteration >= maxIterations { return true }
        if let maxSeconds, elapsed >= maxSeconds { return true }
        return false
    }
}
