/// The objective's weights (`weights` in `carehub.problem/1`); every one may be overridden.
///
/// total = Σ unassigned penalty by priority + travel × travel minutes + continuity × Σ distinct
/// carers per client + preference × visits of clients with preferred carers where none is on
/// the visit + shortfall × Σ max(0, contracted − paid minutes) + continuity_visits × Σ over
/// client–carer pairs of `continuityTaper(past + visits) − continuityTaper(past)` (past: the
/// pair's visits in the client's history) + new_carer × pairs new to a client with
/// history + lateness × Σ minutes late + max_lateness × the largest minutes late.
public struct ObjectiveWeights: Sendable, Equatable {
    public var unassignedHomeFirst = 100_000.0
    public var unassignedHigh = 50_000.0
    public var unassignedNormal = 10_000.0
    public var travel = 1.0
    public var continuity = 30.0
    public var preference = 10.0
    public var shortfall = 0.5
    /// Per pair, the taper of the pair's visit count (a carer's first visits to a client cost most).
    public var continuityVisits = 3.0
    /// Per client–carer pair where the client has a `history` and the carer is not in it.
    public var newCarer = 60.0
    /// Per minute late, summed over assigned visits.
    public var lateness = 1.0
    /// On the week's largest minutes late of any assigned visit.
    public var maxLateness = 0.0

    /// Values a weight may take: ten times the largest default at most. The engine counts cost
    /// in thousandths of a point as `Int`, and a weight of 1e300 trapped converting to it
    /// (the input is kept in fuzz/regressions/problem).
    public static let range = 0.0...1_000_000.0

    /// The default weights of the format.
    public init() {}

    /// The penalty for leaving a visit of this priority unassigned.
    public func unassigned(_ priority: Priority) -> Double {
        switch priority {
        case .homeFirst: return unassignedHomeFirst
        case .high: return unassignedHigh
        case .normal: return unassignedNormal
        }
    }

    /// The JSON keys, in a fixed order, with key paths for reading and writing.
    public static var keys: [(String, WritableKeyPath<ObjectiveWeights, Double>)] {
        [
            ("unassigned_home_first", \.unassignedHomeFirst), ("unassigned_high", \.unassignedHigh),
            ("unassigned_normal", \.unassignedNormal), ("travel", \.travel), ("continuity", \.continuity),
            ("preference", \.preference), ("shortfall", \.shortfall), ("continuity_visits", \.continuityVisits),
            ("new_carer", \.newCarer), ("lateness", \.lateness), ("max_lateness", \.maxLateness),
        ]
    }

    /// The continuity cost of a client–carer pair with `n` assigned visits, before weighting:
    /// the pair's i-th visit costs max(0, 5 − i), so 0, 4, 7, 9, 10, 10, … for n = 0, 1, 2, 3, 4, 5.
    public static func continuityTaper(_ n: Int) -> Int {
        guard n > 0 else { return 0 }
        return (1...min(n, 4)).reduce(0) { $0 + (5 - $1) }
    }
}
