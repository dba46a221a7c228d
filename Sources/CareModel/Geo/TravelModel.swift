#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The straight-line travel model of `carehub.problem/1`.
///
/// minutes = ceil(km × roadFactor / speedKmh × 60), where km is the haversine distance with
/// an Earth radius of 6371.0 km, and 0 for identical points. Kept behind this one type so
/// that a matrix or road-network source can replace it later.
public struct HaversineTravel: Hashable, Sendable {
    /// Average door-to-door speed.
    public let speedKmh: Double
    /// Ratio of road distance to straight-line distance.
    public let roadFactor: Double

    /// The mean Earth radius the format fixes.
    public static let earthRadiusKm = 6371.0

    /// Speeds a model accepts: walking to motorway. A tiny positive speed made the minutes for
    /// any real distance too large for an `Int`, and compiling or checking the problem trapped
    /// (the input is kept in fuzz/regressions/problem).
    public static let speedRange = 1.0...200.0
    /// Road factors a model accepts: a road is never shorter than the straight line, and over
    /// five times longer is a broken value, not a road network.
    public static let roadFactorRange = 1.0...5.0

    /// A model; nil unless the speed is within `speedRange` and the road factor within
    /// `roadFactorRange`, so every journey on Earth is a few million minutes at most.
    public init?(speedKmh: Double = 25.0, roadFactor: Double = 1.35) {
        guard Self.speedRange.contains(speedKmh), Self.roadFactorRange.contains(roadFactor) else { return nil }
        self.speedKmh = speedKmh
        self.roadFactor = roadFactor
    }

    /// The format's defaults: 25 km/h door to door, roads 1.35 times the straight line.
    public static let standard = HaversineTravel(checkedSpeed: 25.0, roadFactor: 1.35)

    private init(checkedSpeed: Double, roadFactor: Double) {
        self.speedKmh = checkedSpeed
        self.roadFactor = roadFactor
    }

    /// Great-circle distance in kilometres.
    public static func kilometres(_ a: GeoPoint, _ b: GeoPoint) -> Double {
        let rad = Double.pi / 180
        let dLat = (b.latitude - a.latitude) * rad
        let dLon = (b.longitude - a.longitude) * rad
        let s1 = sin(dLat / 2)
        let s2 = sin(dLon / 2)
        let h = s1 * s1 + cos(a.latitude * rad) * cos(b.latitude * rad) * s2 * s2
        return 2 * earthRadiusKm * asin(min(1, h.squareRoot()))
    }

    /// Whole minutes to travel from `a` to `b` (rounded up).
    public func minutes(from a: GeoPoint, to b: GeoPoint) -> Int {
        if a == b { return 0 }
        let km = HaversineTravel.kilometres(a, b)
        return Int((km * roadFactor / speedKmh * 60).rounded(.up))
    }
}
