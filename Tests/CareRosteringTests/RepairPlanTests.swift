import CareModel
import CareRostering
import Testing

/// The repair plan on values, no database: H1's week (visits 1 and 2 with carer A, visit 9 of
/// hub H2 with carer C) published, then changed.
@Suite("Repair plan")
struct RepairPlanTests {
    typealias W = RepairWeek

    static let published = ["1": W.assignment("1", ["A"], "09:00"), "2": W.assignment("2", ["A"], "11:00"), "9": W.assignment("9", ["C"], "09:00")]
    static let visits = [
        W.visit("1", client: "c1", from: "09:00"), W.visit("2", client: "c2", from: "11:00"), W.visit("9", client: "c9", from: "09:00"),
    ]

    static func plan(carers: [String], visits: [Problem.Visit] = visits, recorded: Set<String> = []) throws -> RepairPlan {
        let problem = W.problem(carers: carers.map { W.carer($0, hub: $0 == "C" ? "H2" : "H1") }, visits: visits)
        var options = Rebalance.Options(weeks: [], now: W.at("06:00"), actor: "test")
        options.seconds = 1
        let input = RepairPlan.Input(hub: "H1", problem: problem, published: published, own: ["1", "2"], recorded: recorded)
        return try RepairPlan(input, options: options)
    }

    static func carers(_ plan: RepairPlan) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: plan.roster.assignments.map { ($0.visit, $0.carers) })
    }

    /// Nothing changed: every published assignment stands and there is nothing to report.
    @Test func unchangedWeekKeepsEverything() throws {
        let plan = try Self.plan(carers: ["A", "B", "C"])
        #expect(plan.changes.isEmpty)
        #expect(Self.carers(plan) == ["1": ["A"], "2": ["A"], "9": ["C"]])
        #expect(plan.repaired == 0 && plan.moved == 0 && plan.unassignedReasons.isEmpty)
    }

    /// A hub of 130 carers who all live at one place: A, the last, is outside the 128 candidate
    /// shifts insertion offers each visit (ties go to the lower shift). Repair still keeps A's
    /// published visits: a published assignment is judged against every shift that could hold it.
    @Test func aPublishedCarerOutsideTheNearestShiftsIsKept() throws {
        let plan = try Self.plan(carers: (0..<129).map { "K\($0)" } + ["A", "C"])
        #expect(plan.changes.isEmpty)
        #expect(Self.carers(plan) == ["1": ["A"], "2": ["A"], "9": ["C"]])
    }

    /// A's visits go to B, reported as re-placed, in visit order; A and C are the carers involved.
    @Test func goneCarersVisitsAreReassigned() throws {
        let plan = try Self.plan(carers: ["B", "C"])
        #expect(plan.changes.map(\.visit) == ["1", "2"])
        #expect(plan.changes.map(\.after?.carers) == [["B"], ["B"]])
        #expect(plan.changes.allSatisfy { if case .reassigned = $0.kind { true } else { false } })
        #expect(plan.changes.map(\.before) == [Self.published["1"], Self.published["2"]])
        #expect(plan.repaired == 2 && plan.added == 0 && plan.dropped == 0)
        #expect(plan.involvedCarers == ["A", "C"])
    }

    /// A recorded visit is fixed: with its carer gone it drops out rather than being re-placed.
    @Test func recordedVisitIsNotReplaced() throws {
        let plan = try Self.plan(carers: ["B", "C"], recorded: ["1"])
        #expect(plan.changes.map(\.visit) == ["1", "2"])
        #expect(plan.changes.first?.kind == .dropped(Self.published["1"]!))
        #expect(plan.dropped == 1 && plan.repaired == 1)
    }

    /// Another hub's visit is fixed and not this hub's to report, even when it drops out.
    @Test func otherHubsVisitIsFixedAndNotReported() throws {
        let plan = try Self.plan(carers: ["A", "B"])
        #expect(plan.changes.isEmpty)
        #expect(Self.carers(plan)["9"] == nil)
        #expect(plan.roster.unassigned.isEmpty && plan.unassignedReasons.isEmpty)
    }

    /// A cancelled visit is dropped (at its published start); a new one is added.
    @Test func cancelledAndNewVisits() throws {
        let visits = [Self.visits[0], W.visit("3", client: "c2", from: "13:00", priority: .homeFirst), Self.visits[2]]
        let plan = try Self.plan(carers: ["A", "B", "C"], visits: visits)
        #expect(plan.changes.map(\.visit) == ["2", "3"])
        #expect(plan.changes.first == VisitChange(visit: "2", kind: .dropped(Self.published["2"]!), start: W.at("11:00")))
        guard case .added(let added)? = plan.changes.last?.kind else {
            Issue.record("visit 3 was not added: \(plan.changes)")
            return
        }
        #expect(plan.changes.last?.start == Instant(rfc3339: added.start))
        #expect(plan.added == 1 && plan.dropped == 1)
    }

    /// The diff on hand-made rosters: re-placed, dropped and added in visit order, retimings
    /// last; another hub's published visit and an unchanged one are not reported.
    @Test func diffOfHandMadeRosters() {
        let published = [
            "1": W.assignment("1", ["A"], "09:00"), "2": W.assignment("2", ["A"], "11:00"),
            "4": W.assignment("4", ["B"], "12:00"), "5": W.assignment("5", ["B"], "13:00"), "9": W.assignment("9", ["C"], "09:00"),
        ]
        let repaired = [
            W.assignment("1", ["B"], "09:15"), W.assignment("2", ["A"], "11:30"), W.assignment("3", ["A"], "10:00"),
            W.assignment("5", ["B"], "13:00"), W.assignment("9", ["B"], "09:00"),
        ]
        let visits = ["1", "2", "3", "4", "5"].map { W.visit($0, client: "c1", from: "09:00") }
        let changes = RepairPlan.changes(
            published: published, own: ["1", "2", "4", "5"], mine: ["1", "2", "3", "4", "5"], repaired: repaired, visits: visits,
            now: W.at("06:00"))
        #expect(
            changes == [
                VisitChange(visit: "1", kind: .reassigned(from: published["1"]!, to: repaired[0]), start: W.at("09:15")),
                VisitChange(visit: "3", kind: .added(repaired[2]), start: W.at("10:00")),
                VisitChange(visit: "4", kind: .dropped(published["4"]!), start: W.at("12:00")),
                VisitChange(visit: "2", kind: .retimed(from: published["2"]!, to: repaired[1]), start: W.at("11:30")),
            ])
    }

    /// Visit 2 needs a hoist at 09:00 and its carer B has gone; only A has a hoist, and A has
    /// visit 1 then. Room is made by moving visit 1 to D, unless visit 1 is frozen or no move
    /// is allowed: then visit 2 is dropped.
    static func makeRoom(now: String = "06:00", maxMoves: Int = 20) throws -> RepairPlan {
        let visits = [W.visit("1", client: "c1", from: "09:00", window: 0), W.visit("2", client: "c2", from: "09:00", window: 0, skills: ["hoist"])]
        let problem = W.problem(carers: [W.carer("A", skills: ["hoist"]), W.carer("D")], visits: visits)
        var options = Rebalance.Options(weeks: [], now: W.at(now), actor: "test")
        options.seconds = 1
        options.maxMoves = maxMoves
        let published = ["1": W.assignment("1", ["A"], "09:00"), "2": W.assignment("2", ["B"], "09:00")]
        return try RepairPlan(RepairPlan.Input(hub: "H1", problem: problem, published: published, own: ["1", "2"], recorded: []), options: options)
    }

    @Test func roomIsMadeByMovingAKeptVisit() throws {
        let plan = try Self.makeRoom()
        #expect(Self.carers(plan) == ["1": ["D"], "2": ["A"]])
        #expect(plan.madeRoom == ["1"] && plan.moved == 1 && plan.repaired == 1)
    }

    /// Frozen (starting within two hours of now) or over the move cap, visit 1 stays with A.
    @Test func frozenOrCappedVisitsAreNotMoved() throws {
        for plan in [try Self.makeRoom(now: "07:30"), try Self.makeRoom(maxMoves: 0)] {
            #expect(Self.carers(plan) == ["1": ["A"]])
            #expect(plan.madeRoom.isEmpty && plan.moved == 0 && plan.dropped == 1)
            #expect(plan.unassignedReasons.values.reduce(0, +) == 1)
        }
    }
}
