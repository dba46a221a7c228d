/// A timing rule between two visits (medication spacing, a nurse after a wash): when both are
/// assigned, `start(second) − start(first)` lies in `minGap ... maxGap`, and with
/// `differentWorkers` no worker does both.
public struct SolverLink: Sendable, Equatable {
    public let first: Int
    public let second: Int
    public let minGap: Int
    public let maxGap: Int
    public let differentWorkers: Bool

    /// A link between two distinct visits, `minGap <= maxGap`.
    public init(first: Int, second: Int, minGap: Int, maxGap: Int, differentWorkers: Bool = false) {
        precondition(first != second && minGap <= maxGap)
        self.first = first
        self.second = second
        self.minGap = minGap
        self.maxGap = maxGap
        self.differentWorkers = differentWorkers
    }

    /// The other visit of the link.
    @inlinable func partner(of v: Int) -> Int { v == first ? second : first }

    /// Starts allowed for `v` given its partner's start.
    @inlinable func range(for v: Int, partnerStart: Int) -> (lo: Int, hi: Int) {
        v == second ? (partnerStart + minGap, partnerStart + maxGap) : (partnerStart - maxGap, partnerStart - minGap)
    }
}
