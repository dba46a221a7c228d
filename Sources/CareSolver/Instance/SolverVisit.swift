import CareModel

/// One job of the engine: a visit to a place, starting inside a window, needing some workers.
///
/// Times are integer units (minutes for care; scaled distance-time for VRPTW benchmarks),
/// measured from the instance's origin.
public struct SolverVisit: Sendable {
    /// Index into the travel matrices.
    public let location: Int
    /// Earliest start.
    public let windowStart: Int
    /// Latest start (the window bounds the start, not the end).
    public let windowEnd: Int
    /// Service time.
    public let duration: Int
    /// Workers who must all start together: 1 ... `maxWorkers`.
    public let workersNeeded: Int
    /// Load taken from a route's capacity (0 for care).
    public let demand: Int
    /// Cost of leaving the visit unassigned.
    public let unassignedPenalty: Int
    /// Client index (for continuity), 0 ..< instance.clientCount.
    public let client: Int
    /// Workers the client prefers; empty when the client has no preference.
    public let preferredWorkers: [Int]
    /// Workers who must be on the visit.
    public let pinnedWorkers: [Int]
    /// Workers allowed on the visit (skills, exclusions, gender, hub), ascending.
    public let allowedWorkers: [Int]
    /// Time units the start may fall after `windowEnd`, each costing `Weights.lateness`.
    public let lateAllowed: Int
    /// Workers who did this visit last time (a warm start), all of them allowed; empty when
    /// unknown. Construction offers the visit to them first.
    public let previousWorkers: [Int]

    /// The latest start allowed at all, lateness included.
    @inlinable public var latestStart: Int { windowEnd + lateAllowed }

    /// Most workers one visit can take: CareModel's `Problem.Visit.maxCarers`. The search
    /// keeps this many slots per visit (`SearchSolution.slots`).
    @inlinable public static var maxWorkers: Int { Problem.Visit.maxCarers }

    /// A visit; `allowedWorkers` must contain every pinned worker.
    public init(
        location: Int, windowStart: Int, windowEnd: Int, duration: Int, workersNeeded: Int = 1, demand: Int = 0,
        unassignedPenalty: Int, client: Int, preferredWorkers: [Int] = [], pinnedWorkers: [Int] = [], allowedWorkers: [Int],
        lateAllowed: Int = 0, previousWorkers: [Int] = []
    ) {
        self.location = location
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.duration = duration
        self.workersNeeded = workersNeeded
        self.demand = demand
        self.unassignedPenalty = unassignedPenalty
        self.client = client
        self.preferredWorkers = preferredWorkers
        self.pinnedWorkers = pinnedWorkers
        self.allowedWorkers = allowedWorkers
        self.lateAllowed = lateAllowed
        self.previousWorkers = previousWorkers
    }
}
