import Testing

@testable import CareSolver

@Suite("Travel matrix storage")
struct MatrixTests {
    /// Entries are kept in 32 bits, four bytes each, and read back as set, up to the largest
    /// 32-bit value (Solomon's scaled distances stay under 2 × 10^6).
    @Test func thirtyTwoBitEntriesReadBackAsSet() {
        var m = Matrix(size: 3, repeating: 7)
        m[0, 1] = 1_414_214
        m[2, 0] = Int(Int32.max)
        m[1, 2] = 0
        #expect(m[0, 1] == 1_414_214 && m[2, 0] == Int(Int32.max) && m[1, 2] == 0 && m[1, 0] == 7)
        #expect(MemoryLayout.size(ofValue: m.storage[0]) == 4 && m.storage.count == 9)
    }
}
