/// The tails of one route: for each position `k`, what the visits from `k` to the route's end
/// need and give when they follow another route's prefix (the 2-opt* move), so that joining
/// them is evaluated in O(1) instead of by walking the tail.
///
/// The timing part is PyVRP's duration segment for a feasible tail (no time warp): started at
/// time `x` (at or after its first visit's window opens, and at most `latest[k]`), the tail's
/// last visit ends at `max(x + duration[k], finish[k])`. The shift's end is not in it, because
/// the tail may move to a shift that ends at another time.
struct RouteTails {
    /// Latest start of visit `k` that keeps every later visit inside its window.
    var latest: [Int] = []
    /// Service plus travel from visit `k`'s start to the last visit's end, without waiting.
    var duration: [Int] = []
    /// The earliest the last visit can end, however early visit `k` starts (`Int.min` for the
    /// last visit: nothing after it waits).
    var finish: [Int] = []
    /// Travel cost between the tail's visits (not into it, not home from it).
    var cost: [Int] = []
    /// Paid time of the tail: its visits, and the travel between them when travel is paid.
    var paid: [Int] = []
    /// Summed demand of the tail.
    var load: [Int] = []

    /// Keeps `count` entries in each array, reusing their storage.
    mutating func resize(to count: Int) {
        Self.resize(&latest, count)
        Self.resize(&duration, count)
        Self.resize(&finish, count)
        Self.resize(&cost, count)
        Self.resize(&paid, count)
        Self.resize(&load, count)
    }

    /// Grows or shrinks `array` to `count` entries in place (new entries are 0).
    @inline(__always) static func resize(_ array: inout [Int], _ count: Int) {
        if array.count > count {
            array.removeLast(array.count - count)
        } else if array.count < count {
            array.append(contentsOf: repeatElement(0, count: count - array.count))
        }
    }
}
