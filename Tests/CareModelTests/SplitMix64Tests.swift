import CareModel
import Testing

@Suite("Seeded random generator")
struct SplitMix64Tests {
    /// The same seed gives the same stream; different seeds differ.
    @Test func seededGenerator() {
        var a = SplitMix64(seed: 7)
        var b = SplitMix64(seed: 7)
        var c = SplitMix64(seed: 8)
        let sa = (0..<5).map { _ in a.next() }
        #expect(sa == (0..<5).map { _ in b.next() })
        #expect(sa != (0..<5).map { _ in c.next() })
    }
}
