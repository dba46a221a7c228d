import CareModel
import CareRostering
import CareSolver
import CareStore
import Foundation
import NIOConcurrencyHelpers

/// Draft generations started from the web, with their progress for the progress page.
///
/// A run holds one of the pool's connections (and threads) for its search, in one transaction,
/// so at most `limit` run at once and one per hub and week; the rest are refused with a message
/// rather than queued behind pages. `WebServer` sets `limit` to leave pages at least half the
/// pool and never the last connection; below three connections it is 0 and generating is left
/// to `carehub roster generate`. Finished runs are kept for an hour so their page still answers.
final class GenerateJobs: Sendable {
    /// What the progress page shows.
    struct Snapshot: Sendable, Equatable {
        enum State: String, Sendable { case running, finished, failed }
        var state: State
        var elapsed: Double
        var bestObjective: Double?
        var assigned: Int
        var visits: Int
        var iterations: Int
        /// The draft version made, when finished.
        var version: Int?
        /// A message for people when failed (no personal data: store and solver errors name ids).
        var message: String?
    }

    struct Job: Sendable {
        let id: String
        let person: Int
        let hub: String
        let week: ISOWeek
        let started: Date
        var snapshot: Snapshot
    }

    let limit: Int
    private let jobs = NIOLockedValueBox<[String: Job]>([:])

    init(limit: Int = 2) { self.limit = limit }

    enum Refusal: Error {
        case busy
        /// This week is being generated: the run's id and the person who started it.
        case alreadyRunning(String, person: Int)
    }

    /// Registers a run for `hub`'s `week`; refused when too many run or this week already does.
    func start(person: Int, hub: String, week: ISOWeek, visits: Int) throws -> String {
        try jobs.withLockedValue { jobs in
            jobs = jobs.filter { $0.value.snapshot.state == .running || $0.value.started.timeIntervalSinceNow > -3600 }
            if let running = jobs.values.first(where: { $0.hub == hub && $0.week == week && $0.snapshot.state == .running }) {
                throw Refusal.alreadyRunning(running.id, person: running.person)
            }
            guard jobs.values.filter({ $0.snapshot.state == .running }).count < limit else { throw Refusal.busy }
            let id = RandomToken.make()
            jobs[id] = Job(
                id: id, person: person, hub: hub, week: week, started: Date(),
                snapshot: Snapshot(state: .running, elapsed: 0, bestObjective: nil, assigned: 0, visits: visits, iterations: 0))
            return id
        }
    }

    /// The job, if it is this person's (another person's job is as unknown as a wrong id).
    func job(_ id: String, person: Int) -> Job? {
        jobs.withLockedValue { $0[id].flatMap { $0.person == person ? $0 : nil } }
    }

    /// Records the search's progress (called on the solver's thread).
    func progress(_ id: String, _ p: SolveProgress) {
        jobs.withLockedValue { jobs in
            guard var job = jobs[id] else { return }
            job.snapshot.elapsed = p.elapsed
            job.snapshot.bestObjective = Double(p.bestCost) / Double(CompiledProblem.costScale)
            job.snapshot.assigned = p.assigned
            job.snapshot.visits = p.visits
            job.snapshot.iterations = p.iteration
            jobs[id] = job
        }
    }

    /// `notices`: what the manager should know about how the problem was built (road travel
    /// not used, and why), shown beside the link to the draft.
    func finish(_ id: String, version: Int?, objective: Double?, assigned: Int?, visits: Int?, elapsed: Double, notices: [String] = []) {
        jobs.withLockedValue { jobs in
            jobs[id]?.snapshot.state = .finished
            if !notices.isEmpty { jobs[id]?.snapshot.message = notices.joined(separator: " ") }
            jobs[id]?.snapshot.version = version
            jobs[id]?.snapshot.elapsed = elapsed
            if let objective { jobs[id]?.snapshot.bestObjective = objective }
            if let assigned { jobs[id]?.snapshot.assigned = assigned }
            if let visits { jobs[id]?.snapshot.visits = visits }
        }
    }

    func fail(_ id: String, message: String) {
        jobs.withLockedValue { jobs in
            jobs[id]?.snapshot.state = .failed
            jobs[id]?.snapshot.message = message
        }
    }
}
