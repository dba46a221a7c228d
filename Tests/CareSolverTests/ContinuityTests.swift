import CareModel
import CareSolver
import Testing

/// Hand-made weeks where the continuity optimum is known; each roster is re-checked.
@Suite("Continuity: the same faces")
struct ContinuityTests {
    /// Every carer of `week` works 07:00–15:00 on all seven days.
    static func everyDay(_ week: TinyWeek) -> Problem {
        var problem = week.problem
        for k in problem.carers.indices {
            problem.carers[k].shifts = (0..<7).map { d in Problem.Interval(start: TinyWeek.at("07:00", day: d), end: TinyWeek.at("15:00", day: d)) }
        }
        return problem
    }

    /// A morning call on each of the seven days, 08:00–09:00, 30 minutes.
    static func mornings(_ problem: inout Problem, client: String) {
        for d in 0..<7 {
            problem.visits.append(
                Problem.Visit(
                    id: "\(client)-D\(d)", client: client, windowStart: TinyWeek.at("08:00", day: d), windowEnd: TinyWeek.at("09:00", day: d),
                    durationMinutes: 30, skills: [], carers: 1, priority: .normal, pinned: []))
        }
    }

    static func carers(of client: String, _ roster: Roster, _ problem: Problem) -> Set<String> {
        let mine = Set(problem.visits.filter { $0.client == client }.map(\.id))
        return Set(roster.assignments.filter { mine.contains($0.visit) }.flatMap(\.carers))
    }

    static func checked(_ problem: Problem, iterations: Int = 300) -> Roster {
        let roster = solveRoster(problem, iterations: iterations)
        #expect(RosterChecker.check(roster, against: problem).violations == [])
        return roster
    }

    /// Two carers can each cover the whole week: the roster uses one.
    @Test(arguments: [UInt64(1), 2, 3])
    func oneCarerForTheWeek(_ seed: UInt64) {
        var w = TinyWeek()
        w.carer("C1")
        w.carer("C2")
        w.client("P1")
        var problem = Self.everyDay(w)
        Self.mornings(&problem, client: "P1")
        let roster = solveRoster(problem, seed: seed, iterations: 300)
        #expect(RosterChecker.check(roster, against: problem).violations == [])
        #expect(Self.carers(of: "P1", roster, problem).count == 1)
        #expect(roster.metrics.topThreeShare == 1)
    }

    /// C2 lives next door but works only Wednesday; C1 lives 38 minutes away and works every
    /// day. A stranger's one visit saves 38 minutes of travel but costs a new pair (30) and its
    /// first visit's taper (4 × continuity_visits): C1 keeps Wednesday. Without the taper the
    /// flat pair cost alone (30 < 38) hands Wednesday to the stranger.
    @Test func strangerReplacedByRegular() {
        var w = TinyWeek()
        w.carer("C1", home: TinyWeek.north(11.7))
        w.carer("C2")
        w.client("P1")
        var problem = Self.everyDay(w)
        problem.carers[1].shifts = [Problem.Interval(start: TinyWeek.at("07:00", day: 2), end: TinyWeek.at("15:00", day: 2))]
        Self.mornings(&problem, client: "P1")
        #expect(problem.travelMinutes(from: .carer("C1"), to: .client("P1"), by: .car) == 38)
        #expect(Self.carers(of: "P1", Self.checked(problem), problem) == ["C1"])
        problem.weights.continuityVisits = 0
        #expect(Self.carers(of: "P1", Self.checked(problem), problem) == ["C1", "C2"])
    }

    /// History: of two equal carers, the one the client knows gets the week; and the roster
    /// counts the unknown one as new when it is used.
    @Test func familiarCarerPreferred() {
        var w = TinyWeek()
        w.carer("C1")
        w.carer("C2")
        w.client("P1")
        var problem = Self.everyDay(w)
        Self.mornings(&problem, client: "P1")
        problem.clients[0].history = [Problem.HistoryEntry(carer: "C2", visits: 6)]
        let roster = Self.checked(problem)
        #expect(Self.carers(of: "P1", roster, problem) == ["C2"])
        #expect(roster.metrics.newCarerPairs == 0)
        #expect(roster.objective.newCarers == 0)
        problem.clients[0].history = [Problem.HistoryEntry(carer: "C-LEFT", visits: 6)]
        let withLeaver = Self.checked(problem)
        #expect(withLeaver.metrics.newCarerPairs == 1)
        #expect(withLeaver.objective.newCarers == problem.weights.newCarer)
    }

    /// The continuity part is the taper of each pair's visits: one carer for seven visits
    /// costs taper(7) = 10 units.
    @Test func continuityPartIsTheTaper() {
        var w = TinyWeek()
        w.carer("C1")
        w.client("P1")
        var problem = Self.everyDay(w)
        Self.mornings(&problem, client: "P1")
        let roster = Self.checked(problem)
        #expect(roster.objective.continuityVisits == 10 * problem.weights.continuityVisits)
        #expect(roster.objective.continuity == problem.weights.continuity)
    }

    /// A visit none of the client's preferred carers can take is a miss in the roster's metrics
    /// whatever the preference weight (at weight 0 it was reported as none).
    @Test(arguments: [0.0, 10])
    func preferenceMissesAreCountedAtAnyWeight(_ weight: Double) {
        var w = TinyWeek()
        w.carer("C1")
        w.carer("C2", shift: ("16:00", "22:00"))
        w.client("P1", preferred: ["C2"])
        w.visit("V1", client: "P1", from: "08:00", to: "09:00")
        w.visit("V2", client: "P1", from: "17:00", to: "18:00")
        var problem = w.problem
        problem.weights.preference = weight
        let roster = Self.checked(problem)
        #expect(roster.assignments.count == 2)
        #expect(roster.metrics.preferenceMisses == 1)
        #expect(roster.objective.preference == weight)
    }
}
