/// A dense row-major square matrix of travel times or costs, as PyVRP's `Matrix<T>`: one
/// allocation, index arithmetic instead of nested arrays, so lookups in the solver's inner
/// loops stay cache-friendly.
///
/// Entries are stored as 32-bit integers and read as `Int`: half the memory and half the
/// cache lines of 64-bit storage. Solomon's scaled distances stay under 2 × 10^6, a caller's
/// matrix is refused above 1,440 minutes, and haversine minutes stay under 10^7 even at the
/// slowest speed and largest road factor the format allows; setting an entry outside 32 bits traps.
public struct Matrix: Sendable {
    /// Number of rows (and columns).
    public let size: Int
    /// `storage[i * size + j]` is the entry from `i` to `j`.
    @usableFromInline var storage: [Int32]

    /// A matrix filled with one value.
    public init(size: Int, repeating value: Int) {
        precondition(size >= 0)
        self.size = size
        storage = Array(repeating: Int32(value), count: size * size)
    }

    /// The entry from row `i` to column `j`.
    @inlinable
    public subscript(i: Int, j: Int) -> Int {
        get { Int(storage[i * size + j]) }
        set { storage[i * size + j] = Int32(newValue) }
    }
}
