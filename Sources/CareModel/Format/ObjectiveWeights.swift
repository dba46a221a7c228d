/// The objective's weights (`weights` in `carehub.problem/1`); every one may be overridden.
///
/// total = Σ unassigned penalty by priority + travel × travel minutes + continuity × Σ distinct
/// carers per client + preference × visits of clients with preferred carers where none is on
/// the visit + shortfall × Σ max(0, contracted − paid minutes).
public struct ObjectiveWeights: Sendable, Equatable {
    public var unassignedHomeFirst = 100_000.0
    public var unassignedHigh = 50_000.0
    public var unassignedNormal = 10_000.0
    public var travel = 1.0
    public var continuity = 30.0
    public var preference = 10.0
    public var shortfall = 0.5

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
            ("preference", \.preference), ("shortfall", \.shortfall),
        ]
    }
}
