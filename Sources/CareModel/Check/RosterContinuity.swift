/// How well a roster keeps the same faces around each client: the figures `roster show`, the
/// web hub week, the bench and the engine's metrics report, computed in one place.
///
/// A client–carer pair is a carer doing at least one assigned visit of the client; a visit's
/// client is the problem's `visits[].client`. Only clients with an assigned visit count.
public struct RosterContinuity: Sendable, Equatable {
    /// A client and one of their carers.
    public struct Pair: Hashable, Sendable {
        public var client: String
        public var carer: String

        public init(client: String, carer: String) {
            self.client = client
            self.carer = carer
        }
    }

    /// Assigned visits per pair (a double-up counts once for each of its carers).
    public let visitsByPair: [Pair: Int]
    /// Mean over clients of the distinct carers who visit them (0 when nobody is visited).
    public let distinctCarersPerClient: Double
    /// Mean over clients of (carer-visits by their three most frequent carers ÷ all their
    /// carer-visits), 0…1, rounded to 3 decimals (0 when nobody is visited).
    public let topThreeShare: Double
    /// Pairs whose client has a `history` that does not name the carer (what `new_carer` weighs).
    public let newCarerPairs: Int
    /// This problem's visit ids → client ids, for reading a previous roster of the same visits.
    private let clientOf: [String: String]

    /// The figures of `roster` for `problem`; assignments of visits the problem lacks are skipped.
    public init(problem: Problem, roster: Roster) {
        clientOf = Self.clients(problem)
        let pairs = Self.pairs(clientOf, roster)
        visitsByPair = pairs
        var byClient: [String: [Int]] = [:]
        for (pair, n) in pairs { byClient[pair.client, default: []].append(n) }
        let clients = Double(byClient.count)
        distinctCarersPerClient = byClient.isEmpty ? 0 : Double(pairs.count) / clients
        // Summed in client order: Double addition is not associative, and dictionary order
        // changes between processes, so the same roster must always give the same figure.
        let shares = byClient.sorted { $0.key < $1.key }.map(\.value).map { counts -> Double in
            let top = counts.sorted(by: >).prefix(3).reduce(0, +)
            return Double(top) / Double(counts.reduce(0, +))
        }
        topThreeShare = byClient.isEmpty ? 0 : (shares.reduce(0, +) / clients * 1000).rounded() / 1000
        let histories = Dictionary(problem.clients.map { ($0.id, $0.history) }, uniquingKeysWith: { a, _ in a })
        newCarerPairs =
            pairs.keys.filter { pair in
                guard let history = histories[pair.client] ?? nil else { return false }
                return !history.contains { $0.carer == pair.carer }
            }.count
    }

    /// The share (0…1) of `previous`'s client–carer pairs also present in this roster; 0 when
    /// `previous` has none. `previousProblem` resolves the previous roster's visits to clients
    /// (another week's visits have other ids); without it this roster's problem is used.
    public func kept(from previous: Roster, of previousProblem: Problem? = nil) -> Double {
        let clients = previousProblem.map(Self.clients) ?? clientOf
        return kept(from: Set(Self.pairs(clients, previous).keys))
    }

    /// The share (0…1) of `previous`'s pairs also present in this roster; 0 when there are none.
    public func kept(from previous: Set<Pair>) -> Double {
        guard !previous.isEmpty else { return 0 }
        return Double(previous.filter { visitsByPair[$0] != nil }.count) / Double(previous.count)
    }

    private static func clients(_ problem: Problem) -> [String: String] {
        Dictionary(problem.visits.map { ($0.id, $0.client) }, uniquingKeysWith: { a, _ in a })
    }

    private static func pairs(_ clientOf: [String: String], _ roster: Roster) -> [Pair: Int] {
        var pairs: [Pair: Int] = [:]
        for a in roster.assignments {
            guard let client = clientOf[a.visit] else { continue }
            for carer in Set(a.carers) { pairs[Pair(client: client, carer: carer), default: 0] += 1 }
        }
        return pairs
    }
}
