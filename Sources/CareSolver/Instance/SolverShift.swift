/// One route: a worker's availability interval, from and (optionally) back to a home location.
public struct SolverShift: Sendable {
    /// The worker who works it.
    public let worker: Int
    /// Earliest time the worker leaves home.
    public let start: Int
    /// Every visit ends by this time (and, when `returnsHome`, the worker is home by it).
    public let end: Int
    /// Index into the travel matrices.
    public let home: Int
    /// VRPTW routes return to the depot (cost and time); care shifts end at the last visit.
    public let returnsHome: Bool
    /// Most total demand on the route (`Int.max` for care).
    public let capacity: Int
    /// Which of the instance's travel matrices the worker travels by (`SolverInstance.travelTimes`):
    /// 0 unless workers travel differently (a walker, a driver).
    public let mode: Int

    /// A shift.
    public init(worker: Int, start: Int, end: Int, home: Int, returnsHome: Bool = false, capacity: Int = .max, mode: Int = 0) {
        self.mode = mode
        self.worker = worker
        self.start = start
        self.end = end
        self.home = home
        self.returnsHome = returnsHome
        self.capacity = capacity
    }
}

/// A worker (a carer, or a VRPTW vehicle) and the limits that span their shifts.
public struct SolverWorker: Sendable {
    /// Most paid time (visits plus travel between visits) over all shifts.
    public let maxPaid: Int
    /// Paid time the contract promises; shortfall below it costs `Weights.shortfall` per unit.
    public let contracted: Int

    /// A worker.
    public init(maxPaid: Int = .max, contracted: Int = 0) {
        self.maxPaid = maxPaid
        self.contracted = contracted
    }
}
