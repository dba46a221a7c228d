import CareModel
import CareReports
import Testing

/// Roster-linked retention on a hand-made week (Monday 23 November 2026, GMT). Leaver pattern,
/// for ten carers L0…L9 (contract 10 h): Mon 08:00 60 min at P, Mon 09:30 30 min at Q (a leg
/// of `leg` minutes from P), Mon 17:00 60 min at P, Sat 19:00 30 min at P. Care 180 min; paid
/// travel `leg` (P→Q, and Q→P before 17:00); blocks: Monday 2 (the 17:00 visit follows a gap of
/// 420 − leg minutes, over an hour, unpaid), Saturday 1 → 3 / 2 days = 1.5; weekend/evening
/// 30 / 180 = 16.7%; off contract |180 + 2·leg − 600| / 60 h.
/// Stayer pattern, for S0…S9 (contract 1 h): Mon 08:00 60 min at P → 1 block, nothing unpaid,
/// no travel, 0% unsocial, on contract, 1 h.
@Suite("Roster-linked retention")
struct RosterRetentionTests {
    static let monday = LocalDate(iso: "2026-11-23")!
    static let p = GeoPoint(latitude: 52.8064, longitude: -2.1171)!
    static let q = GeoPoint(latitude: 52.8064 + 3 / 111.2, longitude: -2.1171)!

    static func at(_ hhmm: String, day: Int = 0) -> Instant {
        Instant(utcDate: monday.adding(days: day), minutes: LocalTime(iso: hhmm)!.minutesSinceMidnight)
    }

    static func week() -> (Problem, Roster) {
        var carers: [Problem.Carer] = []
        var visits: [Problem.Visit] = []
        var assignments: [Roster.Assignment] = []
        func visit(_ carer: String, _ n: Int, _ client: String, _ time: String, _ minutes: Int, day: Int = 0) {
            let id = "\(carer)-\(n)"
            visits.append(
                Problem.Visit(
                    id: id, client: client, windowStart: at(time, day: day), windowEnd: at(time, day: day),
                    durationMinutes: minutes, skills: [], carers: 1, priority: .normal, pinned: []))
            assignments.append(Roster.Assignment(visit: id, carers: [carer], start: at(time, day: day).description))
        }
        for k in 0..<10 {
            for (id, contract) in [("L\(k)", 600), ("S\(k)", 60)] {
                carers.append(
                    Problem.Carer(
                        id: id, name: id, hub: "H", location: p, skills: [], gender: .female, contractedMinutes: contract, maxMinutes: 2400,
                        lendableTo: [],
                        shifts: [
                            Problem.Interval(start: at("07:00"), end: at("22:00")),
                            Problem.Interval(start: at("07:00", day: 5), end: at("22:00", day: 5)),
                        ]))
            }
            visit("L\(k)", 1, "P", "08:00", 60)
            visit("L\(k)", 2, "Q", "09:30", 30)
            visit("L\(k)", 3, "P", "17:00", 60)
            visit("L\(k)", 4, "P", "19:00", 30, day: 5)
            visit("S\(k)", 1, "P", "08:00", 60)
        }
        let problem = Problem(
            weekStart: monday, timeZone: "Europe/London", travel: .standard, hubs: [Problem.Hub(id: "H", name: "H", location: p)],
            carers: carers,
            clients: [
                Problem.Client(id: "P", hub: "H", location: p, genderPreference: nil, excludedCarers: [], preferredCarers: []),
                Problem.Client(id: "Q", hub: "H", location: q, genderPreference: nil, excludedCarers: [], preferredCarers: []),
            ],
            visits: visits)
        let roster = Roster(
            assignments: assignments, unassigned: [],
            objective: .init(total: 0, unassigned: 0, travel: 0, continuity: 0, preference: 0, shortfall: 0),
            metrics: .init(
                visits: visits.count, assigned: visits.count, unassignedVisits: 0, travelMinutes: 0, paidMinutes: 0,
                distinctCarersPerClient: 0, preferenceMisses: 0, shortfallMinutes: 0, coverageByPriority: [:]),
            solver: .init(seed: 1, seconds: 0, iterations: 0))
        return (problem, roster)
    }

    @Test func perCarerMeasuresAndComparison() throws {
        let (problem, roster) = Self.week()
        let leg = HaversineTravel.standard.minutes(from: Self.p, to: Self.q)
        #expect(leg > 0 && leg < 30)
        let measures = RosterRetention.measures([("H", problem, roster)])
        let l0 = try #require(measures.first { $0.carer == "L0" })
        #expect(l0.weeks == 1 && l0.blocksPerDay == 1.5)
        #expect(l0.unpaidGapMinutesPerWeek == Double(420 - leg))
        #expect(l0.travelShare == 100 * Double(2 * leg) / Double(180 + 2 * leg))
        #expect(l0.unsocialShare == 100 * 30.0 / 180)
        #expect(l0.hoursOffContract == Double(abs(180 + 2 * leg - 600)) / 60)
        let s0 = try #require(measures.first { $0.carer == "S0" })
        #expect(s0.blocksPerDay == 1 && s0.unpaidGapMinutesPerWeek == 0 && s0.travelShare == 0 && s0.unsocialShare == 0 && s0.hoursOffContract == 0)

        let leavers = Set((0..<10).map { "L\($0)" })
        let all = try #require(RosterRetention.compare(measures, leavers: leavers).last)
        #expect(all.hub == "ALL" && all.leavers == 10 && all.stayers == 10)
        #expect(all.leaverMeans[0] == 1.5 && all.stayerMeans[0] == 1)
        #expect(all.leaverMeans[1] == Double(420 - leg) && all.stayerMeans[1] == 0)

        // Nine leavers: their group is suppressed.
        let nine = try #require(RosterRetention.compare(measures, leavers: leavers.subtracting(["L9"])).last)
        #expect(nine.leavers == 9 && nine.leaverMeans.allSatisfy { $0 == nil } && nine.stayerMeans[0] != nil)
    }
}
