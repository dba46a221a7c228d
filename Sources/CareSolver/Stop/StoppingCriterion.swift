/// When the search stops: after an iteration limit, a time limit, or whichever comes first.
///
/// The only part of the engine that reads a clock, and the clock is injected: `solve` and
/// `repair` take their time from `stopwatch()`, so a test can drive time by hand.
public struct StoppingCriterion: Sendable {
    /// Most improvement iterations (nil: no limit).
    public var maxIterations: Int?
    /// Most wall-clock seconds (nil: no limit).
    public var maxSeconds: Double?
    /// Reads a monotonic time in seconds from any fixed origin.
    public var clock: @Sendable () -> Double

    /// A criterion; at least one limit must be set. `clock` defaults to `ContinuousClock`.
    public init(
        maxIterations: Int? = nil, maxSeconds: Double? = nil,
        clock: @escaping @Sendable () -> Double = StoppingCriterion.continuousSeconds
    ) {
        precondition(maxIterations != nil || maxSeconds != nil, "an unbounded search never returns")
        self.maxIterations = maxIterations
        self.maxSeconds = maxSeconds
        self.clock = clock
    }

    /// Seconds on `ContinuousClock` since a fixed instant of this process: the default clock,
    /// and the one place the engine names a real clock.
    public static func continuousSeconds() -> Double {
        let origin = continuousOrigin
        let d = ContinuousClock.now - origin
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// Starts timing a search on this criterion's clock.
    func stopwatch() -> Stopwatch { Stopwatch(clock: clock) }

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

/// The origin of `StoppingCriterion.continuousSeconds`: the process's first read (a lazy
/// global, so initialised once and thread-safely).
private let continuousOrigin = ContinuousClock.now
