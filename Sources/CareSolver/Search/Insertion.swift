/// Where and when to put one visit: a position in each of its workers' routes and, for a
/// visit with several workers, the shared start.
struct Insertion {
    /// (shift, position) per worker.
    var places: InsertionPlaces
    /// The shared start (only meaningful with several workers).
    var start: Int
    /// Objective change, excluding the removed unassigned penalty (same for every option).
    var delta: Int
}

/// An insertion's (shift, position) pairs, one per worker, held inline rather than in an array:
/// an insertion is built for every visit recreate places and every visit a ruin removes, and an
/// array there was a heap allocation each time (issue 16 asks for none in the insertion loop).
/// Holds up to `capacity` places (`SolverVisit.maxWorkers`, checked by a test), in plain stored
/// properties: `InlineArray` would need Swift 6.2 and macOS 26, above what the package declares.
struct InsertionPlaces: RandomAccessCollection {
    typealias Element = (shift: Int, position: Int)
    static let capacity = 3
    private var first: Element = (-1, -1)
    private var second: Element = (-1, -1)
    private var third: Element = (-1, -1)
    private var stored = 0

    /// No places (a removal's restore fills them in).
    init() {}

    /// One place: a single-worker visit's insertion.
    init(_ shift: Int, _ position: Int) { append((shift, position)) }

    var startIndex: Int { 0 }
    var endIndex: Int { stored }
    subscript(i: Int) -> Element {
        precondition(i >= 0 && i < stored, "insertion place out of range")
        switch i {
        case 0: return first
        case 1: return second
        default: return third
        }
    }

    mutating func append(_ place: Element) {
        switch stored {
        case 0: first = place
        case 1: second = place
        case 2: third = place
        default: preconditionFailure("more workers than InsertionPlaces holds")
        }
        stored += 1
    }

    /// Takes off the last place (the combination search backtracking).
    mutating func removeLast() {
        precondition(stored > 0, "no insertion place to remove")
        stored -= 1
    }
}

/// One feasible position in one route, with the start interval it allows.
struct Candidate {
    var shift: Int
    var position: Int
    var worker: Int
    /// Feasible starts at this position: [lo, hi].
    var lo: Int
    var hi: Int
    /// Objective change if the visit went here (travel, paid-time shortfall, continuity;
    /// preference is added per combination).
    var delta: Int
    /// Change in the worker's paid time.
    var paid: Int
}
