import CareModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small random helpers over `SplitMix64`, so generator code reads as the distribution it draws.
extension SplitMix64 {
    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < p
    }

    /// A uniformly chosen element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T {
        items[Int.random(in: 0..<items.count, using: &self)]
    }

    /// An index chosen with the given relative weights.
    mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var x = Double.random(in: 0..<total, using: &self)
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.count - 1
    }

    /// A point within `radiusKm` of `centre`, denser towards the middle (towns thin out).
    mutating func point(near centre: GeoPoint, radiusKm: Double) -> GeoPoint {
        let r = radiusKm * Double.random(in: 0..<1, using: &self).squareRoot() * Double.random(in: 0.35...1, using: &self)
        let angle = Double.random(in: 0..<(2 * Double.pi), using: &self)
        let dLat = r * cos(angle) / 111.2
        let dLon = r * sin(angle) / (111.2 * cos(centre.latitude * Double.pi / 180))
        // In range by construction: Staffordshire is nowhere near a pole or the antimeridian.
        return GeoPoint(latitude: centre.latitude + dLat, longitude: centre.longitude + dLon) ?? centre
    }

    /// A rounded multiple of `step` in a closed range.
    mutating func steps(_ range: ClosedRange<Int>, step: Int) -> Int {
        Int.random(in: (range.lowerBound / step)...(range.upperBound / step), using: &self) * step
    }
}
