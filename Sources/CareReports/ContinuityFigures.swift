import CareModel

/// The same-faces and lateness figures of a roster (issue 14): distinct carers per client, the
/// share of each client's visits done by their three most frequent carers, carers new to their
/// client this week, and visits that start late. `roster show` and the web's hub week print them.
public struct ContinuityFigures: Sendable, Equatable {
    /// Mean different carers per client with at least one assigned visit.
    public let carersPerClient: Double
    /// Mean over those clients of the share of their carer-visits by their three most frequent carers, 0…1.
    public let topThreeShare: Double
    /// Client–carer pairs where the client has a history and the carer is not in it; nil when
    /// no client of the problem has a history (nothing to be new against).
    public let newCarerPairs: Int?
    public let lateVisits: Int
    public let lateMinutes: Int
    public let maxLateMinutes: Int

    /// From the roster's metrics when it states them (the engine's, which agree with
    /// `RosterContinuity`), else computed with `RosterContinuity` from the assignments, as for a
    /// roster written before these metrics or cut to one hub (`fromMetrics: false`).
    public init(problem: Problem, roster: Roster, fromMetrics: Bool = true) {
        let computed = RosterContinuity(problem: problem, roster: roster)
        let m = fromMetrics ? roster.metrics : nil
        carersPerClient = m?.distinctCarersPerClient ?? computed.distinctCarersPerClient
        topThreeShare = m?.topThreeShare ?? computed.topThreeShare
        newCarerPairs = problem.clients.contains { $0.history != nil } ? (m?.newCarerPairs ?? computed.newCarerPairs) : nil
        let late = roster.assignments.map { $0.lateMinutes ?? 0 }.filter { $0 > 0 }
        lateVisits = m?.lateVisits ?? late.count
        lateMinutes = m?.lateMinutes ?? late.reduce(0, +)
        maxLateMinutes = m?.maxLateMinutes ?? late.max() ?? 0
    }

    /// Three lines for a terminal summary (under 100 columns), indented like `RosterReview`'s.
    public var text: String {
        var out = "  same faces: \(percent(topThreeShare)) of each client's visits by their three most frequent carers\n"
        out += "  carers new to their client this week: \(newCarerPairs.map(String.init) ?? "not known (no history)")\n"
        if lateVisits == 0 {
            out += "  late visits: none\n"
        } else {
            out += "  late visits: \(lateVisits), \(lateMinutes) minutes in all (the latest \(maxLateMinutes) minutes)\n"
        }
        return out
    }
}
