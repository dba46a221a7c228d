import CareModel

/// The solver's random source: CareModel's `SplitMix64`, plus the unit-interval draw the
/// search needs often (cheaper than `Double.random(in:using:)`).
typealias SplitMix64Solver = SplitMix64

extension SplitMix64 {
    /// A uniform double in [0, 1) from the top 53 bits.
    @inline(__always) mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in 0 ..< bound (bound > 0).
    @inline(__always) mutating func nextInt(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}
