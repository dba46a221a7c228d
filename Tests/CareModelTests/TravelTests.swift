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

    /// Minutes are ceil(km × road factor / speed × 60), worked by hand. Along a meridian the
    /// haversine distance is R × Δlatitude in radians: 0.1° is 6371 × 0.1 × π/180 = 11.1195 km.
    /// - standard (1.35, 25 km/h): 11.1195 × 1.35 / 25 × 60 = 36.03 min, rounded up to 37.
    /// - 0.01°: 1.11195 km × 3.24 min/km = 3.60 min, rounded up to 4.
    /// - no detour at 50 km/h: 11.1195 / 50 × 60 = 13.34 min, rounded up to 14.
    @Test func minutesByHand() {
        let travel = HaversineTravel.standard
        let a = GeoPoint(latitude: 52.8, longitude: -2.1)!
        let b = GeoPoint(latitude: 52.9, longitude: -2.1)!
        let near = GeoPoint(latitude: 52.81, longitude: -2.1)!
        #expect(abs(HaversineTravel.kilometres(a, b) - 11.1195) < 0.0001)
        #expect(travel.minutes(from: a, to: b) == 37)
        #expect(travel.minutes(from: b, to: a) == 37)
        #expect(travel.minutes(from: a, to: near) == 4)
        #expect(HaversineTravel(speedKmh: 50, roadFactor: 1)?.minutes(from: a, to: b) == 14)
        #expect(travel.minutes(from: a, to: a) == 0)
        #expect(HaversineTravel(speedKmh: 0) == nil)
    }

    /// Speeds and road factors are bounded, so the longest journey on Earth is a whole number of
    /// minutes: a speed of 1e-300 km/h once made `minutes` trap converting to Int.
    @Test func modelIsBoundedSoMinutesFitAnInt() throws {
        #expect(HaversineTravel(speedKmh: 1e-300) == nil)
        #expect(HaversineTravel(speedKmh: 0.5) == nil)
        #expect(HaversineTravel(speedKmh: 201) == nil)
        #expect(HaversineTravel(roadFactor: 0.9) == nil)
        #expect(HaversineTravel(roadFactor: 1e300) == nil)
        let slowest = try #require(HaversineTravel(speedKmh: 1, roadFactor: 5))
        let london = try #require(GeoPoint(latitude: 51.5, longitude: -0.1))
        let antipode = try #require(GeoPoint(latitude: -51.5, longitude: 179.9))
        #expect(slowest.minutes(from: london, to: antipode) < 6_100_000)
    }
}
