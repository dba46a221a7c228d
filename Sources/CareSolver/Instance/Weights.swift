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

    /// Weights.
    public init(travel: Int = 1, continuity: Int = 0, preference: Int = 0, shortfall: Int = 0) {
        self.travel = travel
        self.continuity = continuity
        self.preference = preference
        self.shortfall = shortfall
    }
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
