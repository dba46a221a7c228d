/// Integer cost weights. The engine works in integer cost units only; callers scale
/// fractional weights (carehub uses 1000 units per objective point, so 0.5 becomes 500).
public struct Weights: Sendable, Equatable {
    /// Per unit of travel cost (the travel-cost matrix is already in cost units when this is 1).
    public var travel: Int
    /// Per distinct (client, worker) pair in the week.
    public var continuity: Int
    /// Per assigned visit of a client with preferred workers and none of them on it.
    public var preference: Int
    /// Per time unit of contracted-but-unrostered paid time.
    public var shortfall: Int
    /// Per unit of `continuityTaper(n)` summed over (client, worker) pairs: a pair's first visits
    /// cost most, so moving a stranger's visit to a regular worker always lowers the cost (the
    /// distinct-pair count alone is flat until a stranger's last visit leaves).
    public var continuityVisits: Int
    /// Per (client, worker) pair where the client has a history and the worker is not in it.
    public var newWorker: Int
    /// Per time unit a visit starts after its window's end.
    public var lateness: Int
    /// Per time unit of the largest lateness of any visit.
    public var maxLateness: Int

    /// Weights.
    public init(
        travel: Int = 1, continuity: Int = 0, preference: Int = 0, shortfall: Int = 0, continuityVisits: Int = 0, newWorker: Int = 0,
        lateness: Int = 0, maxLateness: Int = 0
    ) {
        self.travel = travel
        self.continuity = continuity
        self.preference = preference
        self.shortfall = shortfall
        self.continuityVisits = continuityVisits
        self.newWorker = newWorker
        self.lateness = lateness
        self.maxLateness = maxLateness
    }

    /// True when any continuity part has a weight: only then do the continuity operators run,
    /// so instances without clients (VRPTW) search exactly as before.
    public var valuesContinuity: Bool { continuity > 0 || continuityVisits > 0 || newWorker > 0 }

    /// Units of the concave continuity part for a pair with `n` visits: the pair's i-th visit
    /// costs max(0, 5 − i), so 0, 4, 7, 9, 10, 10, … (docs/formats.md, `continuity_visits`).
    @inlinable public static func continuityTaper(_ n: Int) -> Int {
        let k = min(n, 4)
        return k * (9 - k) / 2
    }

    /// What one more visit adds to a pair that has `n`: max(0, 4 − n).
    @inlinable public static func continuityStep(_ n: Int) -> Int { max(0, 4 - n) }
}

/// The working-time break rule: a route whose span (first start to last end) exceeds
/// `maxSpanWithoutBreak` needs a gap of at least `minimumBreak` between two visits, after travel.
public struct BreakRule: Sendable, Equatable {
    public let maxSpanWithoutBreak: Int
    public let minimumBreak: Int

    /// A rule.
    public init(maxSpanWithoutBreak: Int, minimumBreak: Int) {
        self.maxSpanWithoutBreak = maxSpanWithoutBreak
        self.minimumBreak = minimumBreak
    }

    /// The UK Working Time Regulations' rest break: 20 minutes in a day over 6 hours.
    public static let workingTimeRegulations = BreakRule(maxSpanWithoutBreak: 360, minimumBreak: 20)
}
