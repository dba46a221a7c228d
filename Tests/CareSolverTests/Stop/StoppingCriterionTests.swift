import CareModel
import Testing

@testable import CareSolver

/// A clock the test moves by hand. Unchecked Sendable: each test uses it from one task only.
final class HandClock: @unchecked Sendable {
    var now: Double
    /// Seconds added after every read (0: time stands still unless the test moves it).
    var step: Double

    init(at now: Double = 100, step: Double = 0) {
        self.now = now
        self.step = step
    }

    func read() -> Double {
        defer { now += step }
        return now
    }
}

@Suite("Stopping criterion")
struct StoppingCriterionTests {
    /// An iteration limit stops at exactly that iteration, whatever the time, and progress
    /// counts iterations.
    @Test func stopsAtIterationLimit() {
        let stop = StoppingCriterion(maxIterations: 5)
        #expect(!stop.shouldStop(iteration: 4, elapsed: 1e9))
        #expect(stop.shouldStop(iteration: 5, elapsed: 0))
        #expect(stop.progress(iteration: 2, elapsed: 1e9) == 0.4)
    }

    /// With an injected clock, the stopwatch measures from its start and the time limit stops
    /// the search once reached; progress counts time.
    @Test func stopsAtTimeLimitOnInjectedClock() {
        let clock = HandClock(at: 100)
        let stop = StoppingCriterion(maxSeconds: 2, clock: { clock.read() })
        let watch = stop.stopwatch()
        clock.now = 101.5
        let elapsed = watch.elapsed()
        #expect(elapsed == 1.5)
        #expect(!stop.shouldStop(iteration: 1_000_000, elapsed: elapsed))
        #expect(stop.progress(iteration: 0, elapsed: elapsed) == 0.75)
        clock.now = 102
        #expect(stop.shouldStop(iteration: 0, elapsed: watch.elapsed()))
    }

    /// Whichever limit comes first stops the search.
    @Test func eitherLimitStops() {
        let stop = StoppingCriterion(maxIterations: 10, maxSeconds: 2)
        #expect(stop.shouldStop(iteration: 10, elapsed: 0))
        #expect(stop.shouldStop(iteration: 0, elapsed: 2))
        #expect(!stop.shouldStop(iteration: 9, elapsed: 1.9))
    }

    /// `solve` reads time only through its criterion, once per iteration: on a clock that
    /// advances one second per read (start 0, then 1, 2, 3), a 3-second limit stops after
    /// exactly two iterations, and the reported time is the next read, 4.
    @Test func solveReadsOnlyTheInjectedClock() {
        let clock = HandClock(at: 0, step: 1)
        let stop = StoppingCriterion(maxSeconds: 3, clock: { clock.read() })
        let result = solve(LineInstance.make(visits: 10, workers: 2), parameters: SolveParameters(seed: 1, stop: stop))
        #expect(result.iterations == 2)
        #expect(result.seconds == 4)
    }

    /// Construction is inside the time limit: on a clock that advances a second per read and a
    /// one-second limit, a week of several hundred visits stops placing at the first read (after
    /// 64 visits), runs no iteration, and still returns a roster the checker accepts.
    @Test func constructionStopsAtTheTimeLimit() {
        let problem = SolveTests.sampleWeek("2026-W48", clients: 60)
        let compiled = ProblemCompiler.compile(problem)
        #expect(compiled.instance.visits.count > 300)
        let clock = HandClock(at: 0, step: 1)
        let stop = StoppingCriterion(maxSeconds: 1, clock: { clock.read() })
        let result = solve(compiled.instance, parameters: SolveParameters(seed: 1, stop: stop))
        #expect(result.iterations == 0)
        #expect(!result.assignments.isEmpty && result.assignments.count < compiled.instance.visits.count / 2)
        #expect(RosterChecker.check(RosterBuilder.roster(compiled, result, seed: 1), against: problem).violations == [])
    }
}
