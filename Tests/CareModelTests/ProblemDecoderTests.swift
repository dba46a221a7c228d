import CareModel
import Foundation
import Testing

/// A small valid problem as JSON text, edited by each test to break one thing.
enum ProblemText {
    static let valid = """
        {"format":"carehub.problem/1","week_start":"2026-11-23","timezone":"Europe/London",
         "travel":{"model":"haversine","speed_kmh":25.0,"road_factor":1.35},
         "hubs":[{"id":"H1","name":"Stafford","lat":52.8064,"lon":-2.1171}],
         "carers":[{"id":"C1","name":"Ann","hub":"H1","lat":52.80,"lon":-2.11,"skills":["medication"],"gender":"female",
                    "contracted_minutes":600,"max_minutes":2400,"lendable_to":[],
                    "shifts":[{"start":"2026-11-23T07:00:00+00:00","end":"2026-11-23T14:00:00+00:00"}]}],
         "clients":[{"id":"P1","hub":"H1","lat":52.81,"lon":-2.12,"gender_preference":null,"excluded_carers":[],"preferred_carers":["C1"]}],
         "visits":[{"id":"V1","client":"P1","window_start":"2026-11-23T07:30:00+00:00","window_end":"2026-11-23T08:30:00+00:00",
                    "duration_minutes":30,"skills":["medication"],"carers":1,"priority":"high"}]}
        """

    static func decode(_ text: String) throws -> Problem {
        try ProblemDecoder.decode(Data(text.utf8), file: "week.json")
    }

    /// The issues a broken document produces, as `path: problem` lines.
    static func issues(_ text: String) -> [String] {
        do {
            _ = try decode(text)
            return []
        } catch let error as ProblemError {
            return error.issues.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }
}

@Suite("Problem file decoding")
struct ProblemDecoderTests {
    /// The valid fixture decodes with every field in place.
    @Test func validProblemDecodes() throws {
        let p = try ProblemText.decode(ProblemText.valid)
        #expect(p.weekStart.description == "2026-11-23")
        #expect(p.carers[0].shifts[0].start.description == "2026-11-23T07:00:00Z")
        #expect(p.visits[0].priority == .high)
        #expect(p.clients[0].preferredCarers == ["C1"])
        #expect(p.weights == ObjectiveWeights())
    }

    /// Each kind of bad input is reported at its JSON path with what is wrong.
    @Test(arguments: [
        ("\"window_end\":\"2026-11-23T08:30:00+00:00\"", "\"window_end\":\"2026-11-23T07:00:00+00:00\"", "visits[0].window_end: before window_start"),
        ("\"duration_minutes\":30", "\"duration_minutes\":0", "visits[0].duration_minutes: must be positive"),
        ("\"client\":\"P1\"", "\"client\":\"P9\"", "visits[0].client: unknown client P9"),
        ("\"preferred_carers\":[\"C1\"]", "\"preferred_carers\":[\"C7\"]", "clients[0].preferred_carers[0]: unknown carer C7"),
        ("\"end\":\"2026-11-23T14:00:00+00:00\"", "\"end\":\"2026-11-23T06:00:00+00:00\"", "carers[0].shifts[0].end: not after start"),
        (
            "\"window_start\":\"2026-11-23T07:30:00+00:00\"", "\"window_start\":\"2026-11-23T07:30:00\"",
            "visits[0].window_start: not an RFC 3339 timestamp with an offset (like 2026-11-23T07:30:00+00:00)"
        ),
        ("\"carers\":1,", "\"carers\":4,", "visits[0].carers: must be 1, 2 or 3"),
        ("\"hub\":\"H1\",\"lat\":52.80", "\"hub\":\"H2\",\"lat\":52.80", "carers[0].hub: unknown hub H2"),
        (
            "\"format\":\"carehub.problem/1\"", "\"format\":\"carehub.problem/9\"",
            "format: carehub.problem/9 is not supported; this carehub reads carehub.problem/1"
        ),
        ("\"timezone\":\"Europe/London\"", "\"timezone\":\"Europe/Atlantis\"", "timezone: unknown time zone Europe/Atlantis"),
        ("\"priority\":\"high\"", "\"priority\":\"urgent\"", "visits[0].priority: must be home_first, high or normal"),
        (
            "\"skills\":[\"medication\"],\"carers\"", "\"skills\":[\"Medication!\"],\"carers\"",
            "visits[0].skills[0]: not a skill code (lower-case letters, digits and _)"
        ),
        ("\"duration_minutes\":30", "\"duration_minutes\":\"thirty\"", "visits[0].duration_minutes: expected a whole number"),
        // A speed so slow that travel minutes overflow Int trapped `problem check` and `solve` (fuzz/regressions/problem).
        ("\"speed_kmh\":25.0", "\"speed_kmh\":1e-300", "travel: speed_kmh must be within 1.0…200.0 and road_factor within 1.0…5.0"),
        ("\"road_factor\":1.35", "\"road_factor\":1e300", "travel: speed_kmh must be within 1.0…200.0 and road_factor within 1.0…5.0"),
        // A weight of 1e300 trapped converting to the engine's integer cost units.
        (
            "\"timezone\":\"Europe/London\",", "\"timezone\":\"Europe/London\",\"weights\":{\"travel\":1e300},",
            "weights.travel: must be within 0…1000000"
        ),
        // Contracts of Int.max minutes made the checker's shortfall sum overflow.
        (
            "\"contracted_minutes\":600", "\"contracted_minutes\":9223372036854775807",
            "carers[0].contracted_minutes: must be within 0…10080 (a week)"
        ),
        ("\"max_minutes\":2400", "\"max_minutes\":10081", "carers[0].max_minutes: must be within 1…10080 (a week)"),
    ])
    func badInputIsLocated(_ change: (String, String, String)) {
        #expect(ProblemText.valid.contains(change.0))
        #expect(ProblemText.issues(ProblemText.valid.replacingOccurrences(of: change.0, with: change.1)) == [change.2])
    }

    /// Overlapping shifts of one carer are refused, naming both.
    @Test func overlappingShiftsAreRefused() {
        let text = ProblemText.valid.replacingOccurrences(
            of: "\"shifts\":[{\"start\":\"2026-11-23T07:00:00+00:00\",\"end\":\"2026-11-23T14:00:00+00:00\"}]",
            with:
                "\"shifts\":[{\"start\":\"2026-11-23T07:00:00+00:00\",\"end\":\"2026-11-23T14:00:00+00:00\"},"
                + "{\"start\":\"2026-11-23T13:00:00+00:00\",\"end\":\"2026-11-23T16:00:00+00:00\"}]"
        )
        #expect(ProblemText.issues(text) == ["carers[0].shifts[1]: overlaps shifts[0]"])
    }

    /// Duplicate ids are refused at the second occurrence.
    @Test func duplicateIDsAreRefused() {
        let visit =
            "{\"id\":\"V1\",\"client\":\"P1\",\"window_start\":\"2026-11-23T09:30:00+00:00\",\"window_end\":\"2026-11-23T10:30:00+00:00\","
            + "\"duration_minutes\":30}"
        let text = ProblemText.valid.replacingOccurrences(of: "\"priority\":\"high\"}]}", with: "\"priority\":\"high\"},\(visit)]}")
        #expect(ProblemText.issues(text) == ["visits[1].id: duplicate id V1"])
    }

    /// Malformed JSON is one issue at the document root; a missing field is named.
    @Test func malformedAndMissing() {
        let malformed = ProblemText.issues("{\"format\": ")
        #expect(malformed.count == 1)
        #expect(malformed.first?.hasPrefix("$: not valid JSON") == true)
        let missing = ProblemText.issues(ProblemText.valid.replacingOccurrences(of: "\"max_minutes\":2400,", with: ""))
        #expect(missing == ["carers[0].max_minutes: missing"])
    }

    /// Several problems are all reported in one run.
    @Test func everyIssueIsReported() {
        let text = ProblemText.valid.replacingOccurrences(of: "\"duration_minutes\":30", with: "\"duration_minutes\":-5")
            .replacingOccurrences(of: "\"client\":\"P1\"", with: "\"client\":\"P2\"")
        #expect(ProblemText.issues(text).count == 2)
    }

    /// A problem survives encoding and decoding unchanged.
    @Test func encodeDecodeRoundTrip() throws {
        let p = try ProblemText.decode(ProblemText.valid)
        let again = try ProblemDecoder.decode(try ProblemEncoder.encode(p), file: "again.json")
        #expect(again == p)
    }

    /// RFC 3339 parsing accepts offsets and Z, and refuses local times.
    @Test func rfc3339() {
        #expect(Instant(rfc3339: "2026-03-29T01:30:00+01:00")?.description == "2026-03-29T00:30:00Z")
        #expect(Instant(rfc3339: "2026-11-23T07:30:00Z")?.description == "2026-11-23T07:30:00Z")
        #expect(Instant(rfc3339: "2026-11-23T07:30:00.250-05:00")?.description == "2026-11-23T12:30:00Z")
        #expect(Instant(rfc3339: "2026-11-23T07:30:00") == nil)
        #expect(Instant(rfc3339: "2026-11-23 07:30:00Z") == nil)
        #expect(Instant(rfc3339: "2026-02-30T07:30:00Z") == nil)
    }

    /// Zone offsets follow British Summer Time, and local times on clock-change days resolve.
    @Test func zoneOffsets() throws {
        let london = try #require(ZoneOffsets(identifier: "Europe/London"))
        let summer = Instant(rfc3339: "2026-07-01T12:00:00Z")!
        #expect(london.offsetMinutes(at: summer) == 60)
        #expect(london.rfc3339(summer) == "2026-07-01T13:00:00+01:00")
        let spring = LocalDate(iso: "2026-03-29")!
        #expect(london.instant(date: spring, minutes: 7 * 60).description == "2026-03-29T06:00:00Z")
        #expect(london.instant(date: spring, minutes: 30).description == "2026-03-29T00:30:00Z")
        let autumn = LocalDate(iso: "2026-10-25")!
        #expect(london.instant(date: autumn, minutes: 7 * 60).description == "2026-10-25T07:00:00Z")
        #expect(london.instant(date: autumn, minutes: 60 + 30).description == "2026-10-25T00:30:00Z")
    }
}
