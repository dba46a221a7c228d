import CareModel
import Dispatch

/// Several annealing trajectories of one problem at once, one per thread, exchanging at intervals:
/// every `SolveParameters.shareEvery` iterations all of them stop at a barrier, and each whose
/// current solution costs more than the cheapest trajectory's continues from a copy of it.
/// Between barriers they explore apart (each has its own random stream), so the search keeps
/// the best of several chains at each temperature instead of one. Results depend only on the
/// seed, the iteration limit and the number of trajectories, never on thread timing, because
/// every exchange happens at the same iteration of every trajectory.
enum ParallelSearch {
    /// Runs `trajectories` to the stopping criterion. `progress` is called from this thread at
    /// barriers, about once a second.
    static func run(
        _ trajectories: [Trajectory], shareEvery: Int, stopwatch: Stopwatch, temperatures: (start: Double, end: Double),
        progress: ((SolveProgress) -> Void)?
    ) {
        let shared = ThreadConfined(trajectories)
        var limit = 0
        var lastReport = 0.0
        while true {
            limit += max(1, shareEvery)
            let epochEnd = limit
            DispatchQueue.concurrentPerform(iterations: trajectories.count) { t in
                shared.finished[t] = !shared.trajectories[t].run(until: epochEnd, stopwatch: stopwatch, temperatures: temperatures)
            }
            if shared.finished.contains(true) { return }
            share(trajectories)
            if let progress, stopwatch.elapsed() - lastReport >= 1 {
                lastReport = stopwatch.elapsed()
                let best = trajectories.min { $0.best.cost < $1.best.cost }!
                progress(best.report(elapsed: lastReport, iterations: trajectories.reduce(0) { $0 + $1.iteration }))
            }
        }
    }

    /// Every trajectory worse than the cheapest current solution continues from a copy of it
    /// (ties go to the lower index).
    static func share(_ trajectories: [Trajectory]) {
        guard let leader = trajectories.indices.min(by: { (trajectories[$0].current, $0) < (trajectories[$1].current, $1) }) else { return }
        for t in trajectories.indices where t != leader && trajectories[t].current > trajectories[leader].current {
            trajectories[t].adopt(trajectories[leader])
        }
    }
}

/// The trajectories and their "finished" flags, handed to `concurrentPerform`. Unchecked
/// because the compiler cannot see the discipline that makes it safe: during a parallel run,
/// thread `t` touches only trajectory `t` and flag `t`; between runs only the calling thread
/// touches anything.
private final class ThreadConfined: @unchecked Sendable {
    let trajectories: [Trajectory]
    let finished: UnsafeMutableBufferPointer<Bool>

    init(_ trajectories: [Trajectory]) {
        self.trajectories = trajectories
        finished = .allocate(capacity: trajectories.count)
        finished.initialize(repeating: false)
    }

    deinit { finished.deallocate() }
}
