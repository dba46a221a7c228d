import CareModel
import Foundation
import Testing

/// Issue 14's optional problem fields: history, lateness, links, the matrix travel model,
/// returns_home and rules. Each broken input is refused at its JSON path; a problem with every
/// field survives encoding and decoding unchanged.
@Suite("Problem file: continuity, links, lateness, matrix travel and rules")
struct ProblemAdditionsTests {
    static let haversine = "\"travel\":{\"model\":\"haversine\",\"speed_kmh\":25.0,\"road_factor\":1.35}"
    static let clientEnd = "\"preferred_carers\":[\"C1\"]}"
    static let visitEnd = "\"priority\":\"high\"}"
    static let top = "\"format\":\"carehub.problem/1\","

    /// The valid fixture with `old` replaced by `new`.
    static func text(_ old: String, _ new: String) -> String {
        precondition(ProblemText.valid.contains(old), "fixture lacks \(old)")
        return ProblemText.valid.replacingOccurrences(of: old, with: new)
    }

    static func matrix(_ places: String, _ minutes: String) -> String {
        text(haversine, "\"travel\":{\"model\":\"matrix\",\"places\":\(places),\"minutes\":\(minutes)}")
    }

    /// Without the new fields a problem means what it meant: defaults everywhere.
    @Test func absentFieldsTakeDefaults() throws {
        let p = try ProblemText.decode(ProblemText.valid)
        #expect(p.clients[0].history == nil)
        #expect(p.visits[0].lateAllowedMinutes == 0 && !p.visits[0].timeCritical)
        #expect(p.links.isEmpty)
        #expect(p.visits[0].previousCarers.isEmpty)
        #expect(!p.carers[0].returnsHome)
        #expect(p.rules == WorkingRules(breakAfterMinutes: 360, breakMinutes: 20))
        #expect(p.travel == .standard)
        #expect(p.weights.continuityVisits == 3 && p.weights.newCarer == 60 && p.weights.lateness == 1 && p.weights.maxLateness == 0)
    }

    /// Every new field is read into the model.
    @Test func newFieldsDecode() throws {
        var json = Self.text(Self.clientEnd, "\"preferred_carers\":[\"C1\"],\"history\":[{\"carer\":\"X9\",\"visits\":6}]}")
        json = json.replacingOccurrences(of: Self.visitEnd, with: "\"priority\":\"high\",\"late_allowed_minutes\":15}")
        json = json.replacingOccurrences(of: "\"lendable_to\":[],", with: "\"lendable_to\":[],\"returns_home\":true,")
        json = json.replacingOccurrences(
            of: Self.top,
            with: Self.top + "\"rules\":{\"break_after_minutes\":null,\"break_minutes\":30},"
                + "\"weights\":{\"continuity_visits\":12,\"new_carer\":25,\"lateness\":2,\"max_lateness\":3},")
        let p = try ProblemText.decode(json)
        #expect(p.clients[0].history == [Problem.HistoryEntry(carer: "X9", visits: 6)])
        #expect(p.visits[0].lateAllowedMinutes == 15)
        #expect(p.carers[0].returnsHome)
        #expect(p.rules == WorkingRules(breakAfterMinutes: nil, breakMinutes: 30))
        #expect(p.weights.continuityVisits == 12 && p.weights.newCarer == 25 && p.weights.lateness == 2 && p.weights.maxLateness == 3)
    }

    /// A rules object without `break_after_minutes` keeps 360; null turns it off.
    @Test func rulesMissingKeyKeepsDefault() throws {
        let p = try ProblemText.decode(Self.text(Self.top, Self.top + "\"rules\":{\"break_minutes\":25},"))
        #expect(p.rules == WorkingRules(breakAfterMinutes: 360, breakMinutes: 25))
    }

    /// The matrix model reads places and minutes; lookups go by id and keep asymmetry.
    @Test func matrixDecodesAndLooksUp() throws {
        let p = try ProblemText.decode(Self.matrix("[\"P1\",\"C1\"]", "[[0,7],[9,0]]"))
        #expect(p.travel == .matrix(TravelMatrixModel(places: ["P1", "C1"], minutes: [[0, 7], [9, 0]])))
        #expect(p.travelMinutes(from: .client("P1"), to: .carer("C1"), by: .car) == 7)
        #expect(p.travelMinutes(from: .carer("C1"), to: .client("P1"), by: .car) == 9)
        #expect(p.travelMinutes(from: .carer("C1"), to: .carer("C1"), by: .car) == 0)
    }

    /// Haversine lookups use the carer's and client's coordinates.
    @Test func haversineLooksUpLocations() throws {
        let p = try ProblemText.decode(ProblemText.valid)
        let expected = HaversineTravel.standard.minutes(from: p.carers[0].location, to: p.clients[0].location)
        #expect(expected > 0)
        #expect(p.travelMinutes(from: .carer("C1"), to: .client("P1"), by: .car) == expected)
    }

    static let history = "\"preferred_carers\":[\"C1\"],\"history\":"
    static let link = "\"links\":[{\"first\":\"V1\",\"second\":"

    /// Each bad new field is refused at its path, with the spec's words.
    @Test(arguments: [
        (
            text(clientEnd, history + "[{\"carer\":\"C1\",\"visits\":3},{\"carer\":\"C1\",\"visits\":2}]}"),
            "clients[0].history[1].carer: listed twice"
        ),
        (text(clientEnd, history + "[{\"carer\":\"C1\",\"visits\":0}]}"), "clients[0].history[0].visits: must be within 1…10080"),
        (text(clientEnd, history + "[{\"visits\":2}]}"), "clients[0].history[0].carer: missing"),
        (text(visitEnd, "\"priority\":\"high\",\"late_allowed_minutes\":721}"), "visits[0].late_allowed_minutes: must be within 0…720"),
        (
            text(visitEnd, "\"priority\":\"high\",\"late_allowed_minutes\":5,\"time_critical\":true}"),
            "visits[0].late_allowed_minutes: a time-critical visit may not start late"
        ),
        (text(top, top + link + "\"V9\",\"min_gap_minutes\":0,\"max_gap_minutes\":10}],"), "links[0].second: unknown visit V9"),
        (text(top, top + link + "\"V1\",\"min_gap_minutes\":0,\"max_gap_minutes\":10}],"), "links[0].second: the same visit as first"),
        (
            text(top, top + "\"links\":[{\"first\":\"V8\",\"second\":\"V1\",\"min_gap_minutes\":0,\"max_gap_minutes\":1}],"),
            "links[0].first: unknown visit V8"
        ),
        (text(top, top + link + "\"V1\",\"max_gap_minutes\":10}],"), "links[0].min_gap_minutes: missing"),
        (
            text(top, top + link + "\"V1\",\"min_gap_minutes\":-10081,\"max_gap_minutes\":10}],"),
            "links[0].min_gap_minutes: must be within −10080…10080"
        ),
        (text(top, top + "\"rules\":{\"break_after_minutes\":0},"), "rules.break_after_minutes: must be within 1…1440 or null"),
        (text(top, top + "\"rules\":{\"break_minutes\":721},"), "rules.break_minutes: must be within 1…720"),
        (text(visitEnd, "\"priority\":\"high\",\"previous_carers\":[\"C1\",\"C2\"]}"), "visits[0].previous_carers: more carers than the visit needs"),
        (
            text("\"carers\":1,\"priority\":\"high\"}", "\"carers\":2,\"priority\":\"high\",\"previous_carers\":[\"C1\",\"C1\"]}"),
            "visits[0].previous_carers[1]: listed twice"
        ),
        (
            text(visitEnd, "\"priority\":\"high\",\"previous_carers\":[\"\"]}"),
            "visits[0].previous_carers[0]: empty id (letters, digits, -, _ and . only, not starting with ., 1–64 characters)"
        ),
        (text(haversine, "\"travel\":{\"model\":\"osrm\"}"), "travel.model: unknown model osrm; known: haversine, matrix"),
        (matrix("[\"C1\",\"P1\",\"X\"]", "[[0,1,1],[1,0,1],[1,1,0]]"), "travel.places[2]: unknown place X"),
        (matrix("[\"C1\",\"P1\",\"P1\"]", "[[0,1,1],[1,0,1],[1,1,0]]"), "travel.places[2]: listed twice"),
        (matrix("[\"P1\"]", "[[0]]"), "travel.places: carer C1 has no place"),
        (matrix("[\"C1\"]", "[[0]]"), "travel.places: client P1 has no place"),
        (matrix("[\"C1\",\"P1\"]", "[[0,1]]"), "travel.minutes: 1 rows for 2 places"),
        (matrix("[\"C1\",\"P1\"]", "[[0,1],[1]]"), "travel.minutes[1]: 1 entries for 2 places"),
        (matrix("[\"C1\",\"P1\"]", "[[0,-1],[1,0]]"), "travel.minutes[0][1]: negative"),
        (matrix("[\"C1\",\"P1\"]", "[[0,1441],[1,0]]"), "travel.minutes[0][1]: over 1440"),
        (matrix("[\"C1\",\"P1\"]", "[[0,1],[1,2]]"), "travel.minutes[1][1]: must be 0"),
    ])
    func badNewFieldIsLocated(_ change: (String, String)) {
        #expect(ProblemText.issues(change.0).contains(change.1), "\(ProblemText.issues(change.0))")
    }

    /// A place id naming both a carer and a client is ambiguous and refused.
    @Test func placeNamingBothIsRefused() {
        var json = Self.matrix("[\"C1\",\"P1\"]", "[[0,1],[1,0]]")
        json = json.replacingOccurrences(
            of: "{\"id\":\"P1\",\"hub\"", with: "{\"id\":\"P1\",\"hub\":\"H1\",\"lat\":52.8,\"lon\":-2.1},{\"id\":\"C1\",\"hub\"")
        #expect(ProblemText.issues(json).contains("travel.places[0]: C1 names both a carer and a client"))
    }

    /// Min above max is refused at max.
    @Test func linkGapOrder() {
        let json = Self.text(Self.top, Self.top + "\"links\":[{\"first\":\"V1\",\"second\":\"V1\",\"min_gap_minutes\":20,\"max_gap_minutes\":10}],")
        #expect(ProblemText.issues(json).contains("links[0].max_gap_minutes: less than min_gap_minutes"))
    }

    /// Encoding then decoding gives back a problem with every new field set, matrix travel included.
    @Test func roundTripWithEveryNewField() throws {
        var p = try ProblemText.decode(ProblemText.valid)
        p.visits.append(
            Problem.Visit(
                id: "V2", client: "P1", windowStart: p.visits[0].windowStart, windowEnd: p.visits[0].windowEnd, durationMinutes: 20,
                skills: [], carers: 1, priority: .normal, pinned: [], lateAllowedMinutes: 45))
        p.visits[0].timeCritical = true
        p.visits[1].previousCarers = ["C1"]
        p.visits[0].previousCarers = ["GONE"]
        p.clients[0].history = [Problem.HistoryEntry(carer: "C1", visits: 4), Problem.HistoryEntry(carer: "GONE", visits: 1)]
        p.carers[0].returnsHome = true
        p.links = [Problem.Link(first: "V1", second: "V2", minGapMinutes: -30, maxGapMinutes: 240, differentCarers: true)]
        p.rules = WorkingRules(breakAfterMinutes: nil, breakMinutes: 15)
        p.weights.continuityVisits = 11
        p.weights.newCarer = 0
        p.weights.lateness = 2.5
        p.weights.maxLateness = 7
        p.travel = .matrix(TravelMatrixModel(places: ["P1", "C1"], minutes: [[0, 12], [14, 0]]))
        let back = try ProblemDecoder.decode(try ProblemEncoder.encode(p), file: "round.json")
        #expect(back == p)
        #expect(back.travelMinutes(from: .client("P1"), to: .carer("C1"), by: .car) == 12)
        // An empty history is kept apart from no history.
        p.clients[0].history = []
        #expect(try ProblemDecoder.decode(try ProblemEncoder.encode(p), file: "round.json").clients[0].history == [])
    }

    /// A problem without the new fields encodes none of them (old readers see the old document).
    @Test func defaultsAreNotWritten() throws {
        let p = try ProblemText.decode(ProblemText.valid)
        let text = String(decoding: try ProblemEncoder.encode(p), as: UTF8.self)
        for key in ["history", "late_allowed_minutes", "time_critical", "links", "rules", "returns_home", "places", "previous_carers"] {
            #expect(!text.contains("\"\(key)\""), "\(key)")
        }
    }

    /// The taper is 0, 4, 7, 9, 10, 10, 10 for 0…6 visits of one pair.
    @Test func continuityTaper() {
        #expect((0...6).map(ObjectiveWeights.continuityTaper) == [0, 4, 7, 9, 10, 10, 10])
    }

    /// A slice keeps only its clients' places and the links between its visits.
    @Test func sliceCutsMatrixAndLinks() throws {
        var p = try ProblemText.decode(ProblemText.valid)
        p.hubs.append(Problem.Hub(id: "H2", name: "Stone", location: p.hubs[0].location))
        p.clients.append(
            Problem.Client(id: "P2", hub: "H2", location: p.clients[0].location, genderPreference: nil, excludedCarers: [], preferredCarers: []))
        var other = p.visits[0]
        other.id = "V2"
        other.client = "P2"
        p.visits.append(other)
        p.links = [Problem.Link(first: "V1", second: "V2", minGapMinutes: 0, maxGapMinutes: 60)]
        p.travel = .matrix(TravelMatrixModel(places: ["C1", "P2", "P1"], minutes: [[0, 1, 2], [3, 0, 4], [5, 6, 0]]))
        let s = p.slice(hub: "H1", working: [])
        #expect(s.links.isEmpty)
        #expect(s.travel == .matrix(TravelMatrixModel(places: ["C1", "P1"], minutes: [[0, 2], [5, 0]])))
        _ = try ProblemDecoder.decode(try ProblemEncoder.encode(s), file: "slice.json")
    }
}
