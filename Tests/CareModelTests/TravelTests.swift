import CareModel
import Testing

@Suite("Haversine travel")
struct TravelTests {
    /// The distance matches a worked value (Stafford to Stoke, 22.22 km by the haversine formula).
    @Test func knownDistance() {
        let stafford = GeoPoint(latitude: 52.8064, longitude: -2.1171)!
        let stoke = GeoPoint(latitude: 53.0027, longitude: -2.1794)!
        let km = HaversineTravel.kilometres(stafford, stoke)
        #expect(abs(km - 22.224) < 0.001)
    }

    /// Minutes are ceil(km × road factor / speed × 60), and 0 for the same point.
    @Test func minutesFormula() {
        let travel = HaversineTravel()!
        let a = GeoPoint(latitude: 52.8, longitude: -2.1)!
        let b = GeoPoint(latitude: 52.81, longitude: -2.1)!
        let km = HaversineTravel.kilometres(a, b)
        #expect(travel.minutes(from: a, to: b) == Int((km * 1.35 / 25 * 60).rounded(.up)))
        #expect(travel.minutes(from: a, to: a) == 0)
        #expect(travel.minutes(from: a, to: b) == travel.minutes(from: b, to: a))
        #expect(HaversineTravel(speedKmh: 0) == nil)
    }

    /// The same seed gives the same stream; different seeds differ.
    @Test func seededGenerator() {
        var a = SplitMix64(seed: 7), b = SplitMix64(seed: 7), c = SplitMix64(seed: 8)
        let sa = (0..<5).map { _ in a.next() }
        #expect(sa == (0..<5).map { _ in b.next() })
        #expect(sa != (0..<5).map { _ in c.next() })
    }
}
