import CareModel
import Dispatch
import Foundation

/// Each hub's own problem and roster text for a run over several hubs (migration 0019).
enum HubSlices {
    /// The texts by hub; empty for a run of one hub, whose documents are already its own.
    /// Encoded before the drafts' transaction opens, so no hub lock waits on JSON, and on every
    /// core: the slices of the 15-hub county's nine-hub group add up to its whole problem.
    static func encode(_ hubs: [String], problem: Problem, roster: Roster, visitHub: [String: String]) throws
        -> [String: (problem: String, roster: String)]
    {
        guard problem.hubs.count > 1, !hubs.isEmpty else { return [:] }
        var grouped: [String: Set<String>] = [:]
        for (visit, hub) in visitHub { grouped[hub, default: []].insert(visit) }
        let visitsOf = grouped
        let results = Results(count: hubs.count)
        DispatchQueue.concurrentPerform(iterations: hubs.count) { i in
            let hub = hubs[i]
            let mine = roster.slice(visits: visitsOf[hub] ?? [])
            let slice = problem.slice(hub: hub, for: mine)
            results.set(i) {
                (String(decoding: try ProblemEncoder.encode(slice), as: UTF8.self), String(decoding: try mine.encoded(), as: UTF8.self))
            }
        }
        var slices: [String: (problem: String, roster: String)] = [:]
        for (i, hub) in hubs.enumerated() { slices[hub] = try results.get(i) }
        return slices
    }

    /// Each hub's result, written from the concurrent encoders under a lock.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Result<(problem: String, roster: String), any Error>?]

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func set(_ i: Int, _ body: () throws -> (problem: String, roster: String)) {
            let value = Result { try body() }
            lock.withLock { values[i] = value }
        }

        func get(_ i: Int) throws -> (problem: String, roster: String) {
            guard let value = lock.withLock({ values[i] }) else { throw RosterIntegrityError.versionNotStored }
            return try value.get()
        }
    }
}
