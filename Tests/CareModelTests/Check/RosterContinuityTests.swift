import CareModel
import Foundation
import Testing

/// The continuity figures on a hand-made roster, worked out below.
///
/// P1 (history: C1) has V1–V5: C1 does V1 and V2, C2 V3, C3 V4, C4 V5 — four carers, and the
/// three most frequent do 2 + 1 + 1 of 5 carer-visits (0.8). P2 (no history) has V6, a double-up
/// by C1 and C2: two carers, share 1. P3's V7 is unassigned and does not count.
/// Mean distinct carers (4 + 2) / 2 = 3; top-three share (0.8 + 1) / 2 = 0.9; new-carer pairs:
/// C2, C3, C4 for P1 = 3 (P2 has no history).
@Suite("Roster continuity figures")
struct RosterContinuityTests {
    typealias Fixture = RosterCheckerAdditionsTests

    static func problem() -> Problem {
        var visits = (1...5).map { Fixture.visit("V\($0)", from: (8, 0), to: (9, 0)) }
        visits.append(Fixture.visit("V6", "P2", from: (8, 0), to: (9, 0), carers: 2))
        visits.append(Fixture.visit("V7", "P2", from: (8, 0), to: (9, 0)))
        return Fixture.problem(visits, history: [Problem.HistoryEntry(carer: "C1", visits: 5)])
    }

    static func roster(_ pairs: [(String, [String])], _ problem: Problem) -> Roster {
        Fixture.roster(pairs.map { Roster.Assignment(visit: $0.0, carers: $0.1, start: Fixture.text(8)) }, problem)
    }

    static let week = [("V1", ["C1"]), ("V2", ["C1"]), ("V3", ["C2"]), ("V4", ["C3"]), ("V5", ["C4"]), ("V6", ["C1", "C2"])]

    @Test func figures() {
        let p = Self.problem()
        let c = RosterContinuity(problem: p, roster: Self.roster(Self.week, p))
        #expect(c.distinctCarersPerClient == 3)
        #expect(c.topThreeShare == 0.9)
        #expect(c.newCarerPairs == 3)
        #expect(c.visitsByPair[RosterContinuity.Pair(client: "P1", carer: "C1")] == 2)
        #expect(c.visitsByPair.count == 6)
    }

    /// Shares round to three decimals: 2 of 3 carer-visits is 0.667.
    @Test func topThreeRounds() {
        let p = Self.problem()
        let r = Self.roster([("V1", ["C1"]), ("V2", ["C2"]), ("V3", ["C3"]), ("V4", ["C4"])], p)
        // P1: four carers, one visit each; the top three do 3 of 4.
        #expect(RosterContinuity(problem: p, roster: r).topThreeShare == 0.75)
        let thirds = Self.roster([("V1", ["C1"]), ("V2", ["C2"]), ("V3", ["C3"]), ("V4", ["C4"]), ("V5", ["C5"]), ("V6", ["C1", "C2"])], p)
        // P1: 3 of 5 = 0.6; P2: 1; mean 0.8.
        #expect(RosterContinuity(problem: p, roster: thirds).topThreeShare == 0.8)
    }

    /// Kept pairs: the previous roster's P1–C1, P1–C9 and P2–C2; this week keeps two of three.
    @Test func keptFromPrevious() {
        let p = Self.problem()
        let c = RosterContinuity(problem: p, roster: Self.roster(Self.week, p))
        let previous = Self.roster([("V1", ["C9"]), ("V2", ["C1"]), ("V6", ["C2", "C2"])], p)
        #expect(abs(c.kept(from: previous) - 2.0 / 3) < 1e-12)
        // Another week's visits, resolved through its own problem: W1 is P2's: by C1 kept, by C3 not.
        var other = p
        other.visits = [Fixture.visit("W1", "P2", from: (8, 0), to: (9, 0))]
        #expect(c.kept(from: Self.roster([("W1", ["C1"])], other), of: other) == 1)
        #expect(c.kept(from: Self.roster([("W1", ["C3"])], other), of: other) == 0)
        #expect(c.kept(from: []) == 0)
    }

    /// An empty roster gives zeros, not a division by zero.
    @Test func emptyRoster() {
        let p = Self.problem()
        let c = RosterContinuity(problem: p, roster: Self.roster([], p))
        #expect(c.distinctCarersPerClient == 0 && c.topThreeShare == 0 && c.newCarerPairs == 0)
    }
}
