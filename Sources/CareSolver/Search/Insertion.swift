/// Where and when to put one visit: a position in each of its workers' routes and, for a
/// visit with several workers, the shared start.
struct Insertion {
    /// (shift, position) per worker.
    var places: [(shift: Int, position: Int)]
    /// The shared start (only meaningful with several workers).
    var start: Int
    /// Objective change, excluding the removed unassigned penalty (same for every option).
    var delta: Int
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
