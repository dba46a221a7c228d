import CareModel

/// The draws the search needs often from CareModel's `SplitMix64`, the engine's one random
/// source (cheaper than `Double.random(in:using:)` and `Int.random(in:using:)`).
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
