/// A small, fast, seedable random number generator (Steele, Lea and Flood's SplitMix64).
///
/// Every random choice in carehub (sample data, the solver) goes through one of these,
/// created from the user's `--seed`, so the same seed always gives the same result on
/// every platform. `SystemRandomNumberGenerator` is never used for that reason.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose whole future is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
