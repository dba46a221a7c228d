import CareModel
import Foundation
import Testing

/// `carehub.roster/1`'s optional additions: old rosters still decode, new fields round-trip,
/// and encoding stays key-sorted with `late_minutes` only where given.
@Suite("Roster file additions")
struct RosterFormatTests {
    static let old = """
        {"format":"carehub.roster/1","assignments":[{"visit":"V1","carers":["C1"],"start":"2026-11-23T07:35:00+00:00"}],
         "unassigned":[],"objective":{"total":35,"unassigned":0,"travel":5,"continuity":30,"preference":0,"shortfall":0},
         "metrics":{"visits":1,"assigned":1,"unassigned":0,"travel_minutes":5,"paid_minutes":45,"distinct_carers_per_client":1.0,
                    "preference_misses":0,"shortfall_minutes":0,"coverage_by_priority":{}},
         "solver":{"seed":1,"seconds":1.0,"iterations":10}}
        """

    /// A roster written before the additions decodes with every new field absent.
    @Test func oldRosterDecodes() throws {
        let r = try Roster.decode(Data(Self.old.utf8))
        #expect(r.assignments[0].lateMinutes == nil)
        #expect(r.objective.continuityVisits == nil && r.objective.newCarers == nil)
        #expect(r.objective.lateness == nil && r.objective.maxLateness == nil)
        #expect(r.metrics.topThreeShare == nil && r.metrics.newCarerPairs == nil && r.metrics.lateVisits == nil)
        #expect(r.metrics.lateMinutes == nil && r.metrics.maxLateMinutes == nil)
        let text = String(decoding: try r.encoded(), as: UTF8.self)
        #expect(!text.contains("late_minutes") && !text.contains("continuity_visits"))
    }

    /// Every new field is written under its key and read back.
    @Test func newFieldsRoundTrip() throws {
        var r = try Roster.decode(Data(Self.old.utf8))
        r.assignments.append(Roster.Assignment(visit: "V2", carers: ["C2"], start: "2026-11-23T09:05:00+00:00", lateMinutes: 5))
        r.objective.continuityVisits = 80
        r.objective.newCarers = 20
        r.objective.lateness = 5
        r.objective.maxLateness = 0
        r.metrics.topThreeShare = 0.875
        r.metrics.newCarerPairs = 1
        r.metrics.lateVisits = 1
        r.metrics.lateMinutes = 5
        r.metrics.maxLateMinutes = 5
        let data = try r.encoded()
        #expect(try Roster.decode(data) == r)
        let text = String(decoding: data, as: UTF8.self)
        for key in ["continuity_visits", "new_carers", "max_lateness", "top_three_share", "new_carer_pairs", "late_visits", "max_late_minutes"] {
            #expect(text.contains("\"\(key)\""), "\(key)")
        }
        #expect(text.components(separatedBy: "\"late_minutes\"").count == 3)  // V2's and the metric; V1 has none
        // Key-sorted: "continuity" < "continuity_visits" < "lateness" < "max_lateness" < "new_carers".
        let order = ["\"continuity\"", "\"continuity_visits\"", "\"lateness\"", "\"max_lateness\"", "\"new_carers\"", "\"preference\""]
        let positions = order.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted())
    }
}
