import Foundation

/// Results written by lanes running on several threads, one slot per group, read once all
/// lanes are done. A lock rather than an actor: the lanes run inside a synchronous
/// `concurrentPerform`, not in tasks.
final class LaneResults<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [Result<Value, any Error>?]
    private var timings: [GenerateTimings]

    init(count: Int) {
        outcomes = Array(repeating: nil, count: count)
        timings = Array(repeating: GenerateTimings(), count: count)
    }

    /// Records group `g`'s outcome and phase times.
    func set(_ g: Int, _ outcome: Result<Value, any Error>, timings groupTimings: GenerateTimings) {
        lock.withLock {
            outcomes[g] = outcome
            timings[g] = groupTimings
        }
    }

    /// Every group's outcome and times, in group order; every slot must have been set.
    func collected() -> ([Result<Value, any Error>], [GenerateTimings]) {
        lock.withLock { (outcomes.map { $0! }, timings) }
    }
}
