import CareModel
import Foundation
import Testing

/// Issue 17's optional fields: `carers[].transport`, `travel.modes` and a matrix per mode.
/// Each bad value is refused at its path; a problem with them survives encoding unchanged, and
/// a problem without them encodes to the same bytes as before.
@Suite("Problem file: transport per carer")
struct TransportFormatTests {
    static let haversine = "\"travel\":{\"model\":\"haversine\",\"speed_kmh\":25.0,\"road_factor\":1.35}"
    static let carerLendable = "\"lendable_to\":[],"

    static func text(_ old: String, _ new: String, in base: String = ProblemText.valid) -> String {
        precondition(base.contains(old), "fixture lacks \(old)")
        return base.replacingOccurrences(of: old, with: new)
    }

    static func modes(_ json: String) -> String {
        text(haversine, "\"travel\":{\"model\":\"haversine\",\"speed_kmh\":25.0,\"road_factor\":1.35,\"modes\":\(json)}")
    }

    static func walker(_ base: String = ProblemText.valid) -> String {
        text(carerLendable, carerLendable + "\"transport\":\"walk\",", in: base)
    }

    static func matrix(byMode: String?) -> String {
        let extra = byMode.map { ",\"minutes_by_mode\":\($0)" } ?? ""
        return text(haversine, "\"travel\":{\"model\":\"matrix\",\"places\":[\"C1\",\"P1\"],\"minutes\":[[0,7],[9,0]]\(extra)}")
    }

    @Test func absentMeansACarAndTheDefaults() throws {
        let p = try ProblemText.decode(ProblemText.valid)
        #expect(p.carers[0].transport == .car)
        #expect(p.travelModes == TransportSettings.defaults)
        let bytes = String(decoding: try ProblemEncoder.encode(p), as: UTF8.self)
        #expect(!bytes.contains("transport") && !bytes.contains("modes"))
    }

    @Test func transportAndModesDecodeAndRoundTrip() throws {
        let json = Self.modes(
            "{\"walk\":{\"speed_kmh\":4.0,\"overhead_minutes\":1},\"public\":{\"speed_kmh\":20,\"overhead_minutes\":12,\"access_minutes\":6},"
                + "\"car\":{\"overhead_minutes\":3}}")
        let p = try ProblemText.decode(Self.walker(json))
        #expect(p.carers[0].transport == .walk)
        #expect(p.travelModes[.walk] == TransportSetting(speedKmh: 4, overheadMinutes: 1))
        #expect(p.travelModes[.public] == TransportSetting(speedKmh: 20, overheadMinutes: 12, accessMinutes: 6))
        #expect(p.travelModes[.car].overheadMinutes == 3)
        #expect(p.travelModes[.cycle] == TransportSettings.defaults[.cycle])
        let back = try ProblemDecoder.decode(try ProblemEncoder.encode(p), file: "back.json")
        #expect(back == p)
    }

    @Test func aMatrixPerModeDecodesAndRoundTrips() throws {
        let p = try ProblemText.decode(Self.walker(Self.matrix(byMode: "{\"walk\":[[0,40],[45,0]]}")))
        #expect(p.travelMinutes(from: .carer("C1"), to: .client("P1"), by: .walk) == 40)
        #expect(p.travelMinutes(from: .client("P1"), to: .carer("C1"), by: .car) == 9)
        #expect(p.travelMinutes(from: .client("P1"), to: .carer("C1"), carer: "C1") == 45)
        let back = try ProblemDecoder.decode(try ProblemEncoder.encode(p), file: "back.json")
        #expect(back == p)
    }

    @Test(arguments: [
        (walker().replacingOccurrences(of: "\"walk\"", with: "\"bus\""), "carers[0].transport: must be one of car, walk, cycle, public"),
        (modes("{\"boat\":{}}"), "travel.modes.boat: unknown mode; known: car, walk, cycle, public"),
        (modes("{\"car\":{\"speed_kmh\":30}}"), "travel.modes.car.speed_kmh: a car's speed is travel.speed_kmh"),
        (modes("{\"walk\":{\"speed_kmh\":0.5}}"), "travel.modes.walk.speed_kmh: must be within 1.0…200.0"),
        (modes("{\"cycle\":{\"overhead_minutes\":-1}}"), "travel.modes.cycle.overhead_minutes: must be within 0…120"),
        (modes("{\"walk\":{\"access_minutes\":5}}"), "travel.modes.walk.access_minutes: only public transport walks to stops"),
        (modes("{\"public\":{\"access_minutes\":500}}"), "travel.modes.public.access_minutes: must be within 0…120"),
        (walker(matrix(byMode: nil)), "carers[0].transport: walk has no matrix in travel.minutes_by_mode"),
        (matrix(byMode: "{\"car\":[[0,1],[1,0]]}"), "travel.minutes_by_mode.car: a car's matrix is travel.minutes"),
        (matrix(byMode: "{\"cycle\":[[0,1]]}"), "travel.minutes_by_mode.cycle: 1 rows for 2 places"),
        (matrix(byMode: "{\"cycle\":[[0,-1],[1,0]]}"), "travel.minutes_by_mode.cycle[0][1]: negative"),
        (modes("{}").replacingOccurrences(of: "\"modes\":{}", with: "\"minutes_by_mode\":{}"), "travel.minutes_by_mode: only with model matrix"),
    ])
    func badTransportIsRefusedAtItsPath(_ json: String, _ issue: String) {
        #expect(ProblemText.issues(json).contains(issue), "\(ProblemText.issues(json))")
    }
}
