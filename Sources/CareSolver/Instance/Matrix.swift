/// A dense row-major square matrix, as PyVRP's `Matrix<T>`: one allocation, index arithmetic
/// instead of nested arrays, so lookups in the solver's inner loops stay cache-friendly.
public struct Matrix<Element: Sendable>: Sendable {
    /// Number of rows (and columns).
    public let size: Int
    /// `storage[i * size + j]` is the entry from `i` to `j`.
    @usableFromInline var storage: [Element]

    /// A matrix filled with one value.
    public init(size: Int, repeating value: Element) {
        precondition(size >= 0)
        self.size = size
        storage = Array(repeating: value, count: size * size)
    }

    /// The entry from row `i` to column `j`.
    @inlinable
    public subscript(i: Int, j: Int) -> Element {
        get { storage[i * size + j] }
        set { storage[i * size + j] = newValue }
    }
}
